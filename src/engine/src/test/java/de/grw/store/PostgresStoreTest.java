package de.grw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.journal.Journal;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.workspace.WorkspaceSetup;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store on its own: a new schema is created and migrated, a current one opens without migrating, a
 * schema of a newer build is refused; two workspaces in two schemas of one database are apart; a store that holds
 * a workspace is not initialised twice; bad configurations are refused with a clear message that never shows the
 * password.
 */
class PostgresStoreTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private String db;

    @BeforeEach
    void database() {
        db = PostgresDatabases.create();
    }

    @AfterEach
    void drop() {
        PostgresDatabases.drop(db);
    }

    private PostgresStore.Config config(String schema) {
        return PostgresDatabases.config(db).withSchema(schema);
    }

    @Test
    void aNewSchemaIsCreatedAndMigratedAndACurrentOneOpensAsItIs() throws Exception {
        try (PostgresStore store = PostgresStore.open(config("amt_a"), Clock.systemUTC())) {
            assertThat(store.migrated()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 17, 18, 20);
            assertThat(store.dialect()).isSameAs(PostgresDialect.INSTANCE);
            assertThat(store.read(Migrations::version)).isEqualTo(Migrations.latestVersion());
            store.checkIntegrity();
        }
        try (PostgresStore store = PostgresStore.open(config("amt_a"), Clock.systemUTC())) {
            assertThat(store.migrated()).isEmpty();
        }
        try (Connection c = PostgresDatabases.raw(db); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'amt_a'")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThan(15);
        }
    }

    @Test
    void twoWorkspacesInTwoSchemasOfOneDatabaseAreApart() {
        try (Workspace a = WorkspaceSetup.create(PostgresStore.open(config("amt_a"), Clock.systemUTC()), "person-de");
             Workspace b = WorkspaceSetup.create(PostgresStore.open(config("amt_b"), Clock.systemUTC()), "person-de")) {
            Session admin = new UserService(a).createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
            assertThat(new UserService(a).hasUsers()).isTrue();
            assertThat(new UserService(b).hasUsers()).isFalse();
            // a write transaction held open in one schema does not hold up the other's writers
            a.write(c -> {
                new UserService(b).createFirstAdministrator("root", "Verwaltung-2027".toCharArray());
                return null;
            });
            assertThat(new UserService(a).list(admin)).extracting(UserService.UserInfo::name).containsExactly("admin");
            assertThat(b.read(Journal::all)).hasSize(2);
            assertThat(a.name()).endsWith("(schema amt_a)").doesNotContain(PostgresDatabases.config(db).password());
        }
    }

    @Test
    void aStoreHoldingAWorkspaceIsNotInitialisedTwice() {
        WorkspaceSetup.create(PostgresStore.open(config("amt_a"), Clock.systemUTC()), "person-de").close();
        assertThatThrownBy(() -> WorkspaceSetup.create(PostgresStore.open(config("amt_a"), Clock.systemUTC()),
                "person-de")).isInstanceOf(UserFacingException.class).hasMessageContaining("holds a workspace already");
        try (Workspace w = Workspace.of(PostgresStore.open(config("amt_a"), Clock.systemUTC()))) {
            assertThat(w.read(Journal::all)).hasSize(1);
            assertThat(w.isLocal()).isFalse();
            assertThatThrownBy(w::file).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aSchemaOfANewerBuildIsRefusedAndLeftAlone() throws Exception {
        PostgresStore.open(config("amt_a"), Clock.systemUTC()).close();
        try (Connection c = PostgresDatabases.raw(db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO amt_a." + Migrations.HISTORY + " (installed_rank, version, description, type, "
                    + "script, checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', "
                    + "'V99__future.sql', 0, 'x', 0, true)");
        }
        assertThatThrownBy(() -> PostgresStore.open(config("amt_a"), Clock.systemUTC()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("cannot open the workspace: the workspace was written by a newer version of the "
                        + "workbench (schema 99, this version knows " + Migrations.latestVersion() + ")");
    }

    @Test
    void badConfigurationsAreRefusedClearlyWithoutThePassword() {
        PostgresStore.Config good = PostgresDatabases.config(db);
        assertThatThrownBy(() -> PostgresStore.Config.of("jdbc:sqlite:/tmp/x.grw", "u", "p", "grw"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("not a PostgreSQL JDBC URL");
        for (String schema : List.of("Amt", "1amt", "amt-a", "amt; DROP SCHEMA public", "")) {
            assertThatThrownBy(() -> PostgresStore.Config.of(good.url(), "u", "p", schema))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("not a schema name");
        }
        PostgresStore.Config wrongPassword = PostgresStore.Config.of(good.url(), good.user(), "Geheim-falsch-1",
                "grw");
        assertThatThrownBy(() -> PostgresStore.open(wrongPassword, Clock.systemUTC()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(good.url().substring("jdbc:".length()) + " (schema grw): cannot open the "
                        + "workspace")
                .hasMessageNotContaining("Geheim-falsch-1");
        String withPasswordInUrl = good.url() + "?password=Geheim-im-URL-2";
        assertThat(PostgresStore.Config.of(withPasswordInUrl, "u", null, "grw").toString())
                .doesNotContain("Geheim-im-URL-2");
    }

    /**
     * With the schema owned by another account, the store's own account (a server's, whose password sits in its
     * configuration) does the engine's work but, past the engine, can neither change nor delete journal, access-log
     * records or estimated models' rows, nor drop or disable the triggers, nor add tables.
     */
    @Test
    void theStoresAccountApartFromTheOwnerCannotRewriteTheJournal() throws Exception {
        String suffix = db.substring(db.length() - 10);
        String owner = "grw_owner_" + suffix;
        String app = "grw_app_" + suffix;
        PostgresDatabases.administer("CREATE ROLE " + owner + " LOGIN PASSWORD 'Eigentuemer-2026'",
                "CREATE ROLE " + app + " LOGIN PASSWORD 'Anwendung-2026'",
                "GRANT CREATE ON DATABASE " + db + " TO " + owner);
        try {
            PostgresStore.Config config = PostgresStore.Config.of(PostgresDatabases.url(db), app, "Anwendung-2026",
                    "amt").withOwner(owner, "Eigentuemer-2026");
            try (Workspace w = WorkspaceSetup.create(PostgresStore.open(config, Clock.systemUTC()), "person-de")) {
                Session admin = de.grw.workspace.TestWorkspaces.createWithUsers(w);
                de.grw.workspace.TestWorkspaces.importFile(w, admin, java.nio.file.Path.of("samples",
                        "melderegister.csv"), null);
                de.grw.workspace.TestWorkspaces.match(w, admin);
                new UserService(w).setPassword(admin, de.grw.workspace.TestWorkspaces.CLERK,
                        "Neues-Passwort-1".toCharArray());
                Session reset = new UserService(w).login(de.grw.workspace.TestWorkspaces.CLERK,
                        "Neues-Passwort-1".toCharArray());
                // a password the administrator set is a one-time password: the clerk sets her own
                new UserService(w).setPassword(reset, de.grw.workspace.TestWorkspaces.CLERK,
                        "Eigenes-Passwort-2".toCharArray());
                Session clerk = new UserService(w).login(de.grw.workspace.TestWorkspaces.CLERK,
                        "Eigenes-Passwort-2".toCharArray());
                var review = new de.grw.review.ReviewService(w);
                long cluster = review.queue(clerk, null, 1).get(0).clusterId();
                review.show(clerk, cluster, "AZ-1");
                review.propose(clerk, cluster, new de.grw.review.DeferCommand(), "Rückfrage", "AZ-1");
                assertThat(new de.grw.journal.JournalService(w).verify(admin).ok()).isTrue();
            }
            try (Workspace w = Workspace.of(PostgresStore.open(config, Clock.systemUTC()))) {
                assertThat(w.migrated()).isEmpty();
                assertThat(w.read(Journal::all)).hasSizeGreaterThan(7);
            }
            try (Connection c = java.sql.DriverManager.getConnection(PostgresDatabases.url(db), app,
                    "Anwendung-2026"); Statement s = c.createStatement()) {
                // the match run above stored its estimated model through the store's account
                try (var rs = s.executeQuery("SELECT count(*) FROM amt.models")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                for (String attack : List.of("UPDATE amt.journal SET user_name = 'mallory'",
                        "DELETE FROM amt.journal", "TRUNCATE amt.access_log_records", "DELETE FROM amt.access_log",
                        "UPDATE amt.records SET blocked = 0", "UPDATE amt.models SET model_json = '{}'",
                        "DELETE FROM amt.models", "TRUNCATE amt.models")) {
                    assertThatThrownBy(() -> s.execute(attack)).as(attack).hasMessageContaining("permission denied");
                }
                for (String attack : List.of("DROP TRIGGER journal_no_update ON amt.journal",
                        "ALTER TABLE amt.journal DISABLE TRIGGER ALL", "ALTER TABLE amt.decisions DISABLE TRIGGER USER",
                        "DROP FUNCTION amt.grw_refuse() CASCADE")) {
                    assertThatThrownBy(() -> s.execute(attack)).as(attack).hasMessageContaining("must be owner");
                }
                assertThatThrownBy(() -> s.execute("CREATE TABLE amt.x (a INTEGER)"))
                        .hasMessageContaining("permission denied for schema amt");
                assertThatThrownBy(() -> s.execute("DELETE FROM amt.decisions"))
                        .hasMessageContaining("decisions cannot be deleted");
            }
        } finally {
            PostgresDatabases.drop(db);
            PostgresDatabases.administer("DROP ROLE IF EXISTS " + app, "DROP ROLE IF EXISTS " + owner);
        }
    }
}
