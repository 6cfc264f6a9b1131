package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.importing.ImportProblem;
import de.grw.importing.SourceImporter;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the import problems of a row under a blocking notice (a rejected row, an unusable value) hold nothing
 * of the person — not in the stored problems, which anyone who may import reads — while an unblocked row's problem
 * still shows its values, so the clerk can find and fix it.
 */
class BlockedImportProblemsTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void problemsOfBlockedRowsAreStoredWithoutThePersonsValues() throws Exception {
        Path csv = dir.resolve("melde.csv");
        Files.writeString(csv, String.join("\n",
                "Ordnungsmerkmal;Familienname;Vornamen;Geburtsdatum;Wohnort;Steuer-ID;Auskunftssperre",
                "1;Mustermann;Erika;12.08.1964;Köln;;",
                "2;Geheimer;Gustav;31.02.1970;Bonn;;ja",
                "2;Versteckt;Vera;01.01.1980;Bonn;;ja",
                "1;Offen;Otto;01.01.1990;Köln;;"), StandardCharsets.UTF_8);
        try (Workspace w = WorkspaceSetup.create(dir.resolve("ws.grw"), Clock.systemUTC(), "person-de")) {
            Session admin = TestWorkspaces.createWithUsers(w);
            WorkspaceImporter.Result r = TestWorkspaces.importFile(w, admin, csv, null);
            Session clerk = new de.grw.users.UserService(w).login(TestWorkspaces.CLERK,
                    TestWorkspaces.CLERK_PASSWORD.toCharArray());
            List<ImportProblem> problems = new WorkspaceImporter(w).problems(clerk, r.sourceId(), 0);
            String all = problems.toString() + TestWorkspaces.rows(w, "SELECT * FROM import_problems");
            assertThat(all).doesNotContain("Geheimer", "Gustav", "31.02.1970", "Versteckt", "Vera", "01.01.1980");
            assertThat(problems).filteredOn(p -> p.line() == 3).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ImportProblem.Kind.INVALID_VALUE);
                assertThat(p.rawText()).isEqualTo(SourceImporter.BLOCKED_ROW);
                assertThat(p.message()).contains("blocking notice");
            });
            assertThat(problems).filteredOn(p -> p.line() == 4).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ImportProblem.Kind.REJECTED_ROW);
                assertThat(p.rawText()).isEqualTo(SourceImporter.BLOCKED_ROW);
            });
            // an unblocked rejected row keeps its values for the clerk who fixes the file
            assertThat(problems).filteredOn(p -> p.line() == 5).singleElement()
                    .satisfies(p -> assertThat(p.rawText()).contains("Offen", "Otto"));
        }
    }
}
