package de.grw.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.Text;
import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.importing.db.DatabaseSource;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.review.FieldChoice;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.SplitCommand;
import de.grw.workspace.GovernanceConfig;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every value the service interfaces take or return travels as JSON and comes back equal: the records of
 * {@code de.grw.api} and every engine record, enum and sealed type they contain, found by walking the interfaces'
 * method signatures (so a value added later is checked too). Each is filled with non-default values (umlauts,
 * typographic quotes, nested texts), written with {@link ApiJson}, read back as the type it is declared as, and
 * compared field by field; writing it again gives the same JSON (up to the order of a map's keys).
 */
class ApiJsonRoundTripTest {
    /** The interfaces whose methods a client calls (and a server will answer). */
    private static final List<Class<?>> INTERFACES = List.of(Workbench.class, SignedIn.class, ReviewApi.class,
            ApprovalApi.class, ImportApi.class, MatchingApi.class, JournalApi.class, AccessLogApi.class,
            ExportApi.class, UsersApi.class, GovernanceApi.class, LinkApi.class, de.grw.api.ModelsApi.class);

    /** Types in the signatures that never travel: the interfaces themselves and what stays in the caller. */
    private static final Set<Class<?>> LOCAL = Set.of(Comparisons.class, Upload.class, ProgressListener.class,
            CancellationToken.class, de.grw.importing.SourceInput.class);

    /** Values checked as the real ones they are, whole: their parts are not checked on their own. */
    private static final Set<Class<?>> WHOLE = Set.of(MatchProfile.class, GovernanceConfig.class);

    private static final String TEXT = "Müller-Lüdenscheidt „Zweitname“ ✓";
    private static final MatchProfile PROFILE = ProfileLoader.load("person-de");

    /** Values built by hand: real ones (a profile, settings), and records whose constructors check invariants. */
    private static final Map<Class<?>, Supplier<Object>> BUILT = Map.of(
            MatchProfile.class, () -> PROFILE,
            GovernanceConfig.class, () -> GovernanceConfig.builtIn(PROFILE.name()),
            Text.class, () -> Text.of("review.cluster_closed", 4711, Text.of("status.MERGED")),
            MergeCommand.class, () -> new MergeCommand(List.of(12L, 17L, 40L), Map.of("email",
                    new FieldChoice.Manual("a.mueller@example.de"), "address", new FieldChoice.FromRecord(17L))),
            NotDuplicateCommand.class, () -> new NotDuplicateCommand(12L, 17L),
            SplitCommand.class, () -> new SplitCommand(List.of(List.of(12L, 17L), List.of(40L))),
            DatabaseSource.class, () -> DatabaseSource.ofTable("jdbc:postgresql://db.amt.example/register",
                    "leser", "geheim".toCharArray(), "public.personen"),
            ExportOptions.class, () -> new ExportOptions(ExportFormat.CSV, true, true, "51.2-2026/4711",
                    Path.of("/srv/export/heute"), false));

    private final ObjectMapper mapper = ApiJson.mapper();

    @Test
    void everyValueOfTheInterfacesTravelsAsJsonAndComesBackEqual() throws Exception {
        Set<Class<?>> values = new LinkedHashSet<>();
        for (Class<?> api : INTERFACES) {
            for (Method m : api.getMethods()) {
                collect(m.getGenericReturnType(), values);
                for (Type p : m.getGenericParameterTypes()) {
                    collect(p, values);
                }
            }
        }
        collect(Failure.class, values);
        // the walk reaches what the issue names: requests, results, read models, commands, settings, errors
        assertThat(values).contains(WorkbenchInfo.class, Account.class, AccessEntry.class, ImportResult.class,
                FileImport.class, DatabaseImport.class, MatchRun.class, DatabaseExport.class,
                DatabaseExportResult.class, Failure.class, Text.class, MergeCommand.class, FieldChoice.Manual.class,
                de.grw.review.ReviewViews.ClusterView.class, de.grw.review.MemberRecord.class,
                de.grw.journal.JournalEntry.class, de.grw.importing.ImportedSource.class,
                de.grw.importing.ColumnTarget.DatePart.class, GovernanceConfig.class, MatchProfile.class);
        List<String> checked = new ArrayList<>();
        for (Class<?> type : values) {
            for (Object value : samples(type)) {
                roundTrip(value, type);
                checked.add(type.getSimpleName());
            }
        }
        assertThat(checked).hasSizeGreaterThan(40);
    }

    @Test
    void aFailureBecomesTheSameExceptionWithTheSameTextInEveryLanguage() throws Exception {
        List<RuntimeException> thrown = List.of(
                new de.grw.rights.AccessDeniedException(Text.of("access.denied", "anna", Text.of("role.CLERK"),
                        Text.of("deed.approve_merges"))),
                new de.grw.common.UserFacingException(Text.of("review.cluster_closed", 7, Text.of("status.MERGED"))),
                new de.grw.common.UserFacingException("ws.grw: database is locked"),
                new de.grw.common.CancelledException(),
                new NullPointerException("secret detail"));
        for (RuntimeException e : thrown) {
            String json = mapper.writeValueAsString(Failure.of(e));
            RuntimeException back = mapper.readValue(json, Failure.class).toException();
            if (e instanceof NullPointerException) {
                assertThat(back).isInstanceOf(IllegalStateException.class).hasMessageNotContaining("secret");
                continue;
            }
            assertThat(back).as(json).isExactlyInstanceOf(e.getClass()).hasMessage(e.getMessage());
            if (e instanceof de.grw.common.UserFacingException u) {
                de.grw.common.UserFacingException b = (de.grw.common.UserFacingException) back;
                assertThat(b.text()).isEqualTo(u.text());
                for (java.util.Locale l : List.of(java.util.Locale.GERMAN, java.util.Locale.ENGLISH)) {
                    assertThat(b.message(l)).isEqualTo(u.message(l));
                }
            }
        }
    }

    private void roundTrip(Object value, Class<?> declared) throws Exception {
        String json = mapper.writeValueAsString(value);
        JavaType as = mapper.constructType(declared);
        Object back = mapper.readValue(json, as);
        assertThat(back).as(declared.getName() + " from " + json).usingRecursiveComparison().isEqualTo(value);
        // the same JSON again (as a tree: the order of a map's keys may differ)
        assertThat(mapper.readTree(mapper.writeValueAsString(back))).as(declared.getName())
                .isEqualTo(mapper.readTree(json));
    }

    /** Adds the engine's value types a signature mentions, and those they contain. */
    private static void collect(Type type, Set<Class<?>> out) {
        if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), out);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, out);
            }
            return;
        }
        if (!(type instanceof Class<?> c)) {
            return;
        }
        if (c.isArray()) {
            collect(c.getComponentType(), out);
            return;
        }
        if (!c.getName().startsWith("de.grw.") || LOCAL.contains(c) || INTERFACES.contains(c) || !out.add(c)) {
            return;
        }
        assertThat(c.isRecord() || c.isEnum() || c.isSealed())
                .as(c.getName() + ": a value of the service interfaces is a record, an enum or a sealed type").isTrue();
        if (c.isSealed()) {
            for (Class<?> sub : c.getPermittedSubclasses()) {
                collect(sub, out);
            }
        }
        if (c.isRecord() && !WHOLE.contains(c)) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collect(rc.getGenericType(), out);
            }
        }
    }

    /** Instances of a type: every constant of an enum, one of each permitted type of a sealed type, else one. */
    private static List<Object> samples(Class<?> type) throws Exception {
        if (type.isEnum()) {
            return List.of(type.getEnumConstants());
        }
        if (type.isSealed()) {
            List<Object> out = new ArrayList<>();
            for (Class<?> sub : type.getPermittedSubclasses()) {
                out.add(sample(sub));
            }
            return out;
        }
        return List.of(sample(type));
    }

    private static Object sample(Type type) throws Exception {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class || raw == java.util.Collection.class) {
                return List.of(sample(args[0]));
            }
            if (raw == Set.class) {
                return Set.of(sample(args[0]));
            }
            if (raw == Map.class) {
                Map<Object, Object> m = new LinkedHashMap<>();
                m.put(sample(args[0]), sample(args[1]));
                return m;
            }
            throw new AssertionError("no sample of " + type);
        }
        Class<?> c = (Class<?>) type;
        if (BUILT.containsKey(c)) {
            return BUILT.get(c).get();
        }
        if (c == String.class || c == Object.class) {
            return TEXT;
        }
        if (c == long.class || c == Long.class) {
            return 4711L;
        }
        if (c == int.class || c == Integer.class) {
            return 42;
        }
        if (c == double.class || c == Double.class) {
            return 0.875;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == char.class || c == Character.class) {
            return ';';
        }
        if (c == char[].class) {
            return "Verwaltung-2026".toCharArray();
        }
        if (c == Path.class) {
            return Path.of("/srv/daten/melderegister.csv");
        }
        if (c == Charset.class) {
            return StandardCharsets.UTF_8;
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (c.isSealed()) {
            return sample(c.getPermittedSubclasses()[0]);
        }
        if (c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i].getGenericType());
            }
            var constructor = c.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        }
        throw new AssertionError("no sample of " + c.getName());
    }
}
