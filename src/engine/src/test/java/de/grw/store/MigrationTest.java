package de.grw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.workspace.WorkspaceSetup;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.GovernanceConfig;
import de.grw.common.UserFacingException;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalVerifier;
import de.grw.profile.ProfileLoader;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.users.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a workspace written by an older version migrates it and keeps its data: one written by the build of main
 * before Flyway (a committed fixture) is baselined at its {@code user_version} and migrated on; files that are not
 * workspaces, and workspaces of a newer version, are refused with a clear message and left untouched.
 */
class MigrationTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final List<String> V2_INDEXES = List.of("clusters_status", "cluster_members_record",
            "decisions_cluster", "golden_members_record", "golden_values_golden", "cannot_links_a", "access_log_user",
            "access_log_records_record");

    @TempDir
    Path dir;

    /** Version 4: the access log's record lists are read by access id. */
    private static final String V4_INDEX = "access_log_records_access";
    /** Version 6: feeds are found by content (a file appended twice is refused). */
    private static final String V6_INDEX = "source_feeds_sha";
    private static final String V10_INDEX = "record_snapshots_fingerprint";

    private static List<String> indexes(Workspace w) {
        return TestWorkspaces.rows(w, "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE "
                + "'sqlite_autoindex%' AND tbl_name <> '" + Migrations.HISTORY + "' ORDER BY name").stream()
                .map(r -> (String) r.get(0)).toList();
    }

    private static List<String> triggers(Path file) throws SQLException {
        return raw(file, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").stream()
                .map(r -> (String) r.get(0)).toList();
    }

    /** Flyway's history: version and description of each row, in the order applied. */
    private static List<List<Object>> history(Path file) throws SQLException {
        return raw(file, "SELECT version, type, success FROM " + Migrations.HISTORY + " ORDER BY installed_rank");
    }

    private static List<List<Object>> raw(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            // bytes (salts, hashes) as hex, so that rows compare by content
            return TestWorkspaces.rows(c, sql).stream().map(row -> row.stream().map(v -> v instanceof byte[] b
                    ? (Object) java.util.HexFormat.of().formatHex(b) : v).toList()).toList();
        }
    }

    private static long userVersion(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** A version-1 workspace with the person-de profile, the fixture's users and one imported source. */
    private Path versionOneWorkspace() {
        Path file = dir.resolve("alt.grw");
        try (Workspace w = Workspace.openAtVersion(file, Clock.systemUTC(), 1)) {
            assertThat(w.migrated()).containsExactly(1);
            assertThat(indexes(w)).isEmpty();
            w.write(c -> {
                Settings.put(c, Settings.PROFILE, ProfileLoader.toJson(ProfileLoader.load("person-de")));
                Settings.put(c, Settings.GOVERNANCE, GovernanceConfig.builtIn("person-de").toJson());
                Journal.append(c, w.now(), "system", de.grw.journal.JournalAction.WORKSPACE_CREATED,
                        Map.of("profile", "person-de", "schema", 1));
                return null;
            });
            // the accounts as version 1 stored them (the columns of version 13 come with the migration)
            for (String[] a : new String[][] {{TestWorkspaces.ADMIN, "ADMINISTRATOR", TestWorkspaces.ADMIN_PASSWORD},
                {TestWorkspaces.CLERK, "CLERK", TestWorkspaces.CLERK_PASSWORD},
                {TestWorkspaces.SUPERVISOR, "SUPERVISOR", TestWorkspaces.SUPERVISOR_PASSWORD}}) {
                de.grw.users.PasswordHasher.Hash h = de.grw.users.PasswordHasher.hash(a[2].toCharArray());
                w.write(c -> de.grw.store.Sql.update(c, "INSERT INTO users(name, role, salt, hash, iterations, "
                        + "created_at) VALUES (?,?,?,?,?,?)", a[0], a[1], h.salt(), h.hash(), h.iterations(),
                        w.now().toString()));
            }
            Session admin = new UserService(w).login(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray());
            TestWorkspaces.importFile(w, admin, Path.of("samples", "melderegister.csv"), null);
        }
        return file;
    }

    @Test
    void anOlderWorkspaceIsMigratedWithItsDataIntact() throws Exception {
        Path file = versionOneWorkspace();
        assertThat(userVersion(file)).isEqualTo(1);
        List<List<Object>> records;
        List<JournalEntry> journal;
        try (Workspace w = Workspace.openAtVersion(file, Clock.systemUTC(), 1)) {
            assertThat(w.migrated()).isEmpty();
            records = TestWorkspaces.rows(w, "SELECT * FROM records ORDER BY id");
            journal = w.read(Journal::all);
        }
        assertThat(records).hasSizeGreaterThan(300);

        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            assertThat(w.migrated()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 17, 18, 20);
            assertThat(indexes(w)).containsAll(V2_INDEXES).contains(V4_INDEX, V6_INDEX, V10_INDEX)
                    .contains("users_person", "kept_patterns_records").hasSize(V2_INDEXES.size() + 5);
            // version 3: problems keep their wording by key; those imported before have none
            assertThat(TestWorkspaces.rows(w, "SELECT count(*) FROM import_problems WHERE message_text IS NOT NULL"))
                    .containsExactly(List.of(0));
            // version 5: no active model yet (the next match estimates one)
            assertThat(TestWorkspaces.rows(w, "SELECT count(*) FROM models")).containsExactly(List.of(0));
            // version 6 adds the feed a record came with (none for those imported before)
            assertThat(TestWorkspaces.rows(w, "SELECT * FROM records ORDER BY id").stream()
                    .map(r -> r.subList(0, r.size() - 1)).toList()).isEqualTo(records);
            assertThat(TestWorkspaces.rows(w, "SELECT count(*) FROM records WHERE feed_id IS NOT NULL"))
                    .containsExactly(List.of(0));
            assertThat(w.read(Journal::all)).isEqualTo(journal);
            JournalVerifier.Result r = w.read(c -> JournalVerifier.verify(Journal.all(c).iterator()));
            assertThat(r.ok()).as(r.describe()).isTrue();
            assertThat(TestWorkspaces.rows(w, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            // and the migrated workspace works as a new one does
            Session clerk = new UserService(w).login(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            assertThat(clerk.role()).isEqualTo(Role.CLERK);
            // version 9: an account of the role API_STORE can be created and signs in with it
            Session admin = new UserService(w).login(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray());
            new UserService(w).addUser(admin, "fachverfahren", Role.API_STORE, "Schnittstelle-2026".toCharArray());
            assertThat(new UserService(w).login("fachverfahren", "Schnittstelle-2026".toCharArray()).role())
                    .isEqualTo(Role.API_STORE);
            assertThat(TestWorkspaces.match(w, clerk).records()).isEqualTo(records.size());
            // version 11: the snapshot segments that run wrote keep their records' blocking keys
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM record_snapshots")).isPositive();
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM record_snapshots WHERE block_keys IS NULL"))
                    .isZero();
        }
        assertThat(userVersion(file)).isEqualTo(Migrations.latestVersion());
        assertThat(history(file)).containsExactly(List.of("1", "SQL", 1), List.of("2", "SQL", 1),
                List.of("3", "SQL", 1), List.of("4", "SQL", 1), List.of("5", "SQL", 1), List.of("6", "SQL", 1), List.of("7", "SQL", 1),
                List.of("8", "SQL", 1), List.of("9", "SQL", 1), List.of("10", "SQL", 1), List.of("11", "SQL", 1),
                List.of("13", "SQL", 1), List.of("14", "SQL", 1),
                List.of("15", "SQL", 1), List.of("17", "SQL", 1), List.of("18", "SQL", 1),
                List.of("20", "SQL", 1));
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            assertThat(w.migrated()).isEmpty();
        }
    }

    /**
     * A workspace written by the build of main before Flyway (schema 3 in {@code user_version}, no history table;
     * see {@code sample-v3-2d2409d.txt}): baselined at 3, migrated to 6 with every row kept, the journal verifies
     * with the head it had, and the workspace works: sign-in, queue, a decision and its four-eyes approval, the
     * access log.
     */
    @Test
    void aWorkspaceOfTheBuildBeforeFlywayIsBaselinedAndMigratesOn() throws Exception {
        Path file = dir.resolve("sample.grw");
        try (var in = MigrationTest.class.getResourceAsStream("sample-v3-2d2409d.grw")) {
            Files.copy(in, file);
        }
        assertThat(userVersion(file)).isEqualTo(3);
        assertThat(raw(file, "SELECT count(*) FROM sqlite_master WHERE name = '" + Migrations.HISTORY + "'"))
                .containsExactly(List.of(0));
        Map<String, List<List<Object>>> before = new java.util.LinkedHashMap<>();
        for (String table : List.of("records", "sources", "decisions", "golden_records", "golden_members",
                "golden_values", "clusters", "cluster_members", "users", "journal", "access_log",
                "access_log_records", "settings")) {
            before.put(table, raw(file, "SELECT * FROM " + table + " ORDER BY rowid"));
        }
        assertThat(before.get("journal")).hasSize(23);
        assertThat(before.get("decisions")).hasSize(10);
        assertThat(before.get("access_log")).hasSize(2);

        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            assertThat(w.migrated()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 17, 18, 20);
        }
        assertThat(userVersion(file)).isEqualTo(Migrations.latestVersion());
        assertThat(history(file)).containsExactly(List.of("3", "BASELINE", 1), List.of("4", "SQL", 1),
                List.of("5", "SQL", 1), List.of("6", "SQL", 1), List.of("7", "SQL", 1),
                List.of("8", "SQL", 1), List.of("9", "SQL", 1), List.of("10", "SQL", 1), List.of("11", "SQL", 1),
                List.of("13", "SQL", 1), List.of("14", "SQL", 1),
                List.of("15", "SQL", 1), List.of("17", "SQL", 1), List.of("18", "SQL", 1),
                List.of("20", "SQL", 1));
        for (var e : before.entrySet()) {
            List<List<Object>> after = raw(file, "SELECT * FROM " + e.getKey() + " ORDER BY rowid");
            if (e.getKey().equals("records")) {
                // version 6 adds the feed a record came with, last: none for records imported before
                assertThat(after).allSatisfy(row -> assertThat(row.get(row.size() - 1)).isNull());
                after = after.stream().map(row -> row.subList(0, row.size() - 1)).toList();
            }
            if (e.getKey().equals("clusters")) {
                // version 18 adds the weakest link's comparison vector, last: none for clusters stored before
                assertThat(after).allSatisfy(row -> assertThat(row.get(row.size() - 1)).isNull());
                after = after.stream().map(row -> row.subList(0, row.size() - 1)).toList();
            }
            if (e.getKey().equals("users")) {
                // version 13 adds the person (the lower-cased name), the one-time flag and the sign-in lock, last
                assertThat(after).allSatisfy(row -> assertThat(row.subList(row.size() - 4, row.size()))
                        .isEqualTo(java.util.Arrays.asList(row.get(0).toString().toLowerCase(java.util.Locale.ROOT),
                                0, 0, null)));
                after = after.stream().map(row -> row.subList(0, row.size() - 4)).toList();
            }
            assertThat(after).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(triggers(file)).contains("access_log_records_no_delete", "decisions_kept", "golden_values_kept",
                "journal_no_update", "records_immutable", "models_immutable", "models_kept");
        assertThat(raw(file, "SELECT count(*) FROM models")).containsExactly(List.of(0));

        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            assertThat(w.migrated()).isEmpty();
            JournalVerifier.Result r = new de.grw.journal.JournalService(w).verify(
                    new UserService(w).login("admin", "Beispiel-2026".toCharArray()));
            assertThat(r.ok()).as(r.describe()).isTrue();
            assertThat(r.headHash()).isEqualTo("a0c2099f4dfce6b451408cd8ed3097fffab08bf84747bd5cfefb84813def0c67");
            UserService users = new UserService(w);
            Session clerk = users.login("sachbearbeitung", "Beispiel-2026".toCharArray());
            Session supervisor = users.login("vorgesetzte", "Beispiel-2026".toCharArray());
            var review = new de.grw.review.ReviewService(w);
            var queued = review.queue(clerk, null, 1).get(0);
            var proposed = review.propose(clerk, queued.clusterId(), new de.grw.review.MergeCommand(
                    TestWorkspaces.members(w, queued.clusterId()), Map.of()), "dieselbe Person", "AZ-2026-19");
            assertThatThrownBy(() -> review.approve(clerk, proposed.id(), "")).isInstanceOf(
                    de.grw.rights.AccessDeniedException.class);
            assertThat(review.approve(supervisor, proposed.id(), "geprüft").state())
                    .isEqualTo(de.grw.review.DecisionState.EFFECTIVE);
            assertThatThrownBy(() -> w.write(c -> c.createStatement().executeUpdate("DELETE FROM access_log_records")))
                    .hasMessageContaining("the access log is append-only");
            assertThatThrownBy(() -> w.write(c -> c.createStatement().executeUpdate("DELETE FROM decisions")))
                    .hasMessageContaining("decisions cannot be deleted");
            JournalVerifier.Result after = new de.grw.journal.JournalService(w).verify(
                    new UserService(w).login("admin", "Beispiel-2026".toCharArray()));
            assertThat(after.ok()).as(after.describe()).isTrue();
            assertThat(after.entries()).isEqualTo(25);
        }
    }

    @Test
    void aFailedMigrationLeavesTheOlderVersion() throws Exception {
        Path file = versionOneWorkspace();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            // something in the way of the fifth index of version 2
            s.execute("CREATE TABLE golden_values_golden (x)");
        }
        assertThatThrownBy(() -> Workspace.open(file, Clock.systemUTC()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("golden_values_golden");
        assertThat(userVersion(file)).isEqualTo(1);
        assertThat(history(file)).as("nothing recorded as applied").containsExactly(List.of("1", "SQL", 1));
        try (Workspace w = Workspace.openAtVersion(file, Clock.systemUTC(), 1)) {
            assertThat(indexes(w)).as("the indexes created before the failure are rolled back").isEmpty();
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedClearly() throws Exception {
        Path file = dir.resolve("notizen.grw");
        String text = "Dies ist keine Datenbank, sondern eine Notiz über die Dienstbesprechung am Montag.\n";
        Files.writeString(file, text);
        assertThatThrownBy(() -> Workspace.open(file, Clock.systemUTC()))
                .isExactlyInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(file + ": cannot open the workspace")
                .hasMessageContaining("not a database");
        assertThat(Files.readString(file)).isEqualTo(text);
        assertThatThrownBy(() -> Workspace.open(dir.resolve("fehlt.grw"), Clock.systemUTC()))
                .isExactlyInstanceOf(UserFacingException.class).hasMessageContaining("no workspace file found");
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("fremd.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO kunden(name) VALUES ('Beispiel GmbH')");
        }
        assertThatThrownBy(() -> Workspace.open(file, Clock.systemUTC()))
                .isExactlyInstanceOf(UserFacingException.class).hasMessageContaining("not a workbench workspace");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("kunden");
        }
        assertThat(userVersion(file)).isZero();
    }

    @Test
    void aWorkspaceOfANewerVersionIsRefusedClearly() throws Exception {
        Path file = dir.resolve("neu.grw");
        WorkspaceSetup.create(file, Clock.systemUTC(), "person-de").close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> Workspace.open(file, Clock.systemUTC()))
                .isExactlyInstanceOf(UserFacingException.class)
                .hasMessage(file + ": cannot open the workspace: the workspace was written by a newer version of the "
                        + "workbench (schema 99, this version knows " + Migrations.latestVersion() + ")");
        assertThat(userVersion(file)).isEqualTo(99);
    }
}
