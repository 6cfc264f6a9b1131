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
 * Opening a workspace written by an older version migrates it and keeps its data; files that are not workspaces,
 * and workspaces of a newer version, are refused with a clear message and left untouched.
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

    private static List<String> indexes(Workspace w) {
        return TestWorkspaces.rows(w, "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE "
                + "'sqlite_autoindex%' ORDER BY name").stream().map(r -> (String) r.get(0)).toList();
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
            Session admin = TestWorkspaces.createWithUsers(w);
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
            assertThat(w.migrated()).containsExactly(2, 3, 4, 5);
            List<String> expectedIndexes = new java.util.ArrayList<>(V2_INDEXES);
            expectedIndexes.add("source_feeds_sha"); // version 5
            assertThat(indexes(w)).containsExactlyInAnyOrderElementsOf(expectedIndexes);
            // version 3: problems keep their wording by key; those imported before have none
            assertThat(TestWorkspaces.rows(w, "SELECT count(*) FROM import_problems WHERE message_text IS NOT NULL"))
                    .containsExactly(List.of(0));
            // version 4: no active model yet (the next match estimates one)
            assertThat(TestWorkspaces.rows(w, "SELECT count(*) FROM models")).containsExactly(List.of(0));
            // version 5 adds the feed a record came with (none for those imported before)
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
            assertThat(TestWorkspaces.match(w, clerk).records()).isEqualTo(records.size());
        }
        assertThat(userVersion(file)).isEqualTo(5);
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            assertThat(w.migrated()).isEmpty();
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
