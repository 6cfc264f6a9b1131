package de.grw.api.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.grw.api.ConstraintsTarget;
import de.grw.api.DatabaseExport;
import de.grw.api.DatabaseImport;
import de.grw.api.FileImport;
import de.grw.api.SignedIn;
import de.grw.api.Upload;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.Text;
import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceInput;
import de.grw.importing.db.DatabaseSource;
import de.grw.review.DecisionCommand;
import de.grw.review.DeferCommand;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.store.Workspace;
import de.grw.workspace.TestWorkspaces;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After sign-out ({@link SignedIn#close()}) every method of the signed-in access and of every feature interface it
 * handed out, kept from before, is refused with the same message, and nothing reaches the workspace. The methods
 * are found by reflection, so that a method added later is attacked too (and an argument type nobody can build
 * here fails the test until it is added below).
 */
class SignedOutTest {
    @TempDir
    Path dir;

    /** Plausible arguments by type, so that a refusal cannot come from a bad argument instead of the sign-out. */
    private Map<Class<?>, Object> arguments() {
        Map<Class<?>, Object> a = new LinkedHashMap<>();
        a.put(long.class, 1L);
        a.put(int.class, 10);
        a.put(double.class, 0.5);
        a.put(boolean.class, true);
        a.put(Double.class, 0.5);
        a.put(String.class, "AZ-1");
        a.put(char[].class, "Verwaltung-2026".toCharArray());
        a.put(Set.class, Set.of());
        a.put(List.class, List.of());
        a.put(Map.class, Map.of("family_name", "Müller"));
        a.put(Path.class, dir.resolve("x.json"));
        a.put(Role.class, Role.CLERK);
        a.put(Permission.class, Permission.VIEW_RECORDS);
        a.put(de.grw.review.QueueMode.class, de.grw.review.QueueMode.ACTIVE_LEARNING);
        a.put(ProgressListener.class, ProgressListener.NONE);
        a.put(CancellationToken.class, CancellationToken.NONE);
        a.put(MappingFile.class, MappingFile.NONE);
        a.put(Upload.class, Upload.of("zuzug.csv", "Familienname\nMüller\n".getBytes()));
        a.put(FileImport.class, FileImport.named("zuzug"));
        a.put(SourceInput.class, SourceInput.file(Path.of("samples", "kfz_halter.csv").toAbsolutePath()));
        a.put(DatabaseImport.class, new DatabaseImport(DatabaseSource.ofTable("jdbc:sqlite:" + dir.resolve("x.db"),
                null, null, "personen"), null, null, null));
        a.put(DecisionCommand.class, new DeferCommand());
        a.put(de.grw.review.BulkViews.Proposal.class, new de.grw.review.BulkViews.Proposal(List.of(), 0.99, 1,
                List.of(1L), 1, List.of(1L), "", "AZ-1"));
        a.put(de.grw.review.BulkViews.Approval.class, new de.grw.review.BulkViews.Approval(List.of(1L), 1,
                List.of(1L), ""));
        a.put(ConstraintsTarget.class, ConstraintsTarget.forPurpose("grw-spark --out bundle"));
        a.put(ExportOptions.class, new ExportOptions(ExportFormat.CSV, false, false, "", dir.resolve("out")));
        a.put(DatabaseExport.class, new DatabaseExport("jdbc:sqlite:" + dir.resolve("out.db"), null, null, "golden",
                null, null, false, false, ""));
        return a;
    }

    @Test
    void afterSignOutEveryCallIsRefusedAndNothingIsWritten() throws Exception {
        Path file = TestWorkspaces.copyTo(dir);
        long journal = journalEntries(file);
        int called = 0;
        try (LocalWorkbench workbench = LocalWorkbench.open(file)) {
            SignedIn admin = workbench.signIn(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray());
            // the feature interfaces, kept from before the sign-out
            Map<String, Object> features = new LinkedHashMap<>();
            for (Method m : SignedIn.class.getMethods()) {
                if (m.getParameterCount() == 0 && m.getReturnType().getPackageName().equals("de.grw.api")
                        && m.getReturnType().isInterface()) {
                    features.put(m.getName(), m.invoke(admin));
                }
            }
            assertThat(features).containsKeys("review", "approval", "imports", "matching", "journal", "accessLog",
                    "export", "users", "governance", "link");
            admin.close();
            admin.close(); // idempotent

            Map<Class<?>, Object> arguments = arguments();
            for (Method m : SignedIn.class.getMethods()) {
                if (!m.getName().equals("close") && !Modifier.isStatic(m.getModifiers())) {
                    assertRefused(admin, m, arguments::get);
                    called++;
                }
            }
            for (Object feature : features.values()) {
                for (Method m : feature.getClass().getInterfaces()[0].getMethods()) {
                    if (!Modifier.isStatic(m.getModifiers())) {
                        assertRefused(feature, m, arguments::get);
                        called++;
                    }
                }
            }
        }
        assertThat(called).as("methods attacked").isGreaterThan(40);
        assertThat(journalEntries(file)).as("nothing was journalled").isEqualTo(journal);
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("out.db")).doesNotExist();
    }

    private static void assertRefused(Object target, Method m, Function<Class<?>, Object> arguments)
            throws IllegalAccessException {
        List<Object> args = new ArrayList<>();
        for (Class<?> type : m.getParameterTypes()) {
            Object value = arguments.apply(type);
            if (value == null && type != Double.class) {
                fail("no argument of type " + type.getName() + " for " + m + "; add one to arguments()");
            }
            args.add(value);
        }
        try {
            Object result = m.invoke(target, args.toArray());
            fail(m + " answered after sign-out: " + result);
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).as(m.toString()).isInstanceOf(AccessDeniedException.class)
                    .hasMessage(Text.of("users.signed_out").english());
        }
    }

    private static long journalEntries(Path file) {
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            return TestWorkspaces.count(w, "SELECT count(*) FROM journal");
        }
    }
}
