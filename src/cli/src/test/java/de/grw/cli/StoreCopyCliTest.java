package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.importing.db.PostgresTestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grw copy-to-postgresql} moves the sample workspace into an empty PostgreSQL schema that a server then opens:
 * the rows arrive, the journal verifies there, a clerk signs in with the same password; a clerk may not copy, a schema
 * that holds a workspace is refused with nothing changed, and an URL of another database kind is refused.
 */
@Tag("slow")
class StoreCopyCliTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @RegisterExtension
    static final PostgresTestServer PG = new PostgresTestServer();

    @TempDir
    Path dir;

    private CliRunner copy(String user, String schema) {
        return CliRunner.run(Map.of("GRW_PASSWORD", "Beispiel-2026", "GRW_DB_PASSWORD", PG.passwordText()),
                "copy-to-postgresql", "--workspace", dir.resolve("beispiel.grw").toString(), "--user", user,
                "--url", PG.url(), "--db-user", PG.user(), "--schema", schema);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PG.url(), PG.user(), PG.passwordText());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theSampleMovesIntoPostgresqlAndOnlyAnAdministratorMovesIt() throws Exception {
        Path file = dir.resolve("beispiel.grw");
        CliRunner built = CliRunner.run("sample-workspace", "--out", file.toString());
        assertThat(built.exitCode).as(built.all()).isZero();

        CliRunner clerk = copy("sachbearbeitung", "grw_clerk");
        assertThat(clerk.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(clerk.err).contains("access denied", "copy the workspace");

        CliRunner ok = copy("admin", "grw_office");
        assertThat(ok.exitCode).as(ok.all()).isZero();
        assertThat(ok.out).contains("copied", "(schema grw_office)", "records", "journal", "600");
        assertThat(ok.all()).doesNotContain(PG.passwordText(), "Exception");
        assertThat(count("SELECT count(*) FROM grw_office.records")).isEqualTo(600);
        assertThat(count("SELECT count(*) FROM grw_office.journal")).isPositive();

        // the server's way in: the schema opens, the journal verifies, a clerk signs in with the same password
        try (LocalWorkbench w = LocalWorkbench.openPostgres(PG.url(), PG.user(), PG.password(), "grw_office",
                java.time.Clock.systemUTC());
             SignedIn admin = w.signIn("admin", "Beispiel-2026".toCharArray());
             SignedIn clerkThere = w.signIn("sachbearbeitung", "Beispiel-2026".toCharArray())) {
            assertThat(admin.journal().verify().ok()).isTrue();
            assertThat(clerkThere.review().sources()).hasSize(3);
        }

        // a second copy into the same schema is refused, nothing added
        long rows = count("SELECT count(*) FROM grw_office.journal");
        CliRunner again = copy("admin", "grw_office");
        assertThat(again.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(again.err).contains("holds a workspace already");
        assertThat(count("SELECT count(*) FROM grw_office.journal")).isEqualTo(rows);

        CliRunner sqlite = CliRunner.run(Map.of("GRW_PASSWORD", "Beispiel-2026"), "copy-to-postgresql",
                "--workspace", file.toString(), "--user", "admin", "--url", "jdbc:sqlite:/tmp/x.db", "--db-user", "x");
        assertThat(sqlite.exitCode).isEqualTo(Cli.EXIT_USAGE);
        assertThat(sqlite.err).contains("--url must name a PostgreSQL database");
    }
}
