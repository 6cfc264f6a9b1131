package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.importing.db.PostgresTestServer;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.workspace.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line with database sources and targets, in-process: match, import, export, saved connections. */
class DatabaseCliTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @RegisterExtension
    static final PostgresTestServer PG = new PostgresTestServer();

    @TempDir
    Path dir;

    @BeforeAll
    static void register() throws Exception {
        PG.execute("CREATE TABLE personen (\"Aktenzeichen\" text, \"Familienname\" text, \"Vorname\" text, "
                        + "\"Geburtsdatum\" date, \"PLZ\" text, \"Ort\" text)",
                "INSERT INTO personen VALUES ('P-1', 'Müller', 'Hans Peter', '1971-04-03', '10115', 'Berlin'), "
                        + "('P-2', 'Schulz', 'Erika', '1950-01-01', '50667', 'Köln'), "
                        + "('P-3', 'Przybyszewski', 'Jan', '1960-02-01', '01067', 'Dresden')");
    }

    private Path melderegister() throws Exception {
        return Files.writeString(dir.resolve("melderegister.csv"), """
                Ordnungsmerkmal;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort
                M1;Müller;Hans-Peter;03.04.1971;Hauptstraße;12a;10115;Berlin
                M2;Schmidt;Anna;17.08.1985;Goethestr.;3;80331;München
                M3;Przybyszewski;Jan;01.02.1960;Am Markt;1;01067;Dresden
                """, StandardCharsets.UTF_8);
    }

    /** A SQLite register with a table of the Sozialamt's records. */
    private String sqlite() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("sozialamt.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS sozial (Aktenzeichen TEXT, Name TEXT, \"Geb.-Datum\" TEXT, "
                    + "Anschrift TEXT, PLZ INTEGER, Ort TEXT)");
            s.execute("DELETE FROM sozial");
            s.execute("INSERT INTO sozial VALUES ('S-1', 'Mueller, Hans Peter', '4.3.1971', 'Hauptstr. 12 a', "
                    + "10115, 'Berlin'), ('S-2', 'Schmitt, Paul', '01.01.1950', 'Lindenweg 5', 50667, 'Köln'), "
                    + "('S-3', 'Przybyszewski, Jan', '01.02.1960', 'Am Markt 1', 1067, 'Dresden')");
        }
        return url;
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("GRW_HOME", dir.resolve("home").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static CliRunner ok(CliRunner r) {
        assertThat(r.exitCode).as(r.all()).isZero();
        assertThat(r.all()).doesNotContain("Exception", "\tat ");
        return r;
    }

    private static CliRunner fails(CliRunner r, int code) {
        assertThat(r.exitCode).as(r.all()).isEqualTo(code);
        assertThat(r.all()).doesNotContain("Exception", "\tat ");
        return r;
    }

    private static String cluster(List<String> rows, String source, String id) {
        return rows.stream().filter(r -> r.startsWith(source + "," + id + ",")).findFirst().orElseThrow()
                .split(",")[2];
    }

    @Test
    void matchTakesAFileASqliteTableAndAPostgresQueryTogether() throws Exception {
        Path clusters = dir.resolve("out/clusters.csv");
        CliRunner r = ok(CliRunner.run(env("GRW_DB_PASSWORD", PG.passwordText()), "match", "--clusters",
                clusters.toString(), melderegister().toString(), sqlite(), "--table", "sozial", PG.url(), "--query",
                "SELECT * FROM personen WHERE \"PLZ\" <> '50667'", "--as", "pg_melde", "--db-user", PG.user()));

        List<String> rows = Files.readAllLines(clusters);
        assertThat(rows).hasSize(1 + 3 + 3 + 2);
        assertThat(cluster(rows, "melderegister", "M1")).isEqualTo(cluster(rows, "sozial", "S-1"))
                .isEqualTo(cluster(rows, "pg_melde", "P-1"));
        assertThat(cluster(rows, "melderegister", "M3")).isEqualTo(cluster(rows, "sozial", "S-3"));
        assertThat(r.out).contains("Column mapping of sozial", "SQLite table sozial", "PostgreSQL query",
                "records read: 8");
        assertThat(r.all()).doesNotContain(PG.passwordText());
    }

    @Test
    void wrongCommandLinesAndFailingDatabasesGiveClearMessages() throws Exception {
        String out = dir.resolve("c.csv").toString();
        String url = sqlite();
        assertThat(fails(CliRunner.run(env(), "match", "--clusters", out, url), Cli.EXIT_USAGE).err)
                .contains("needs --table NAME or --query SQL after it");
        assertThat(fails(CliRunner.run(env(), "match", "--clusters", out, "--table", "sozial", url),
                Cli.EXIT_USAGE).err).contains("--table sozial belongs after the JDBC URL");
        assertThat(fails(CliRunner.run(env(), "match", "--clusters", out, url, "--query", "SELECT 1"),
                Cli.EXIT_USAGE).err).contains("name the query's source with --as NAME");
        assertThat(fails(CliRunner.run(env(), "match", "--clusters", out, url, "--table", "kunden"),
                Cli.EXIT_FAILURE).err).startsWith("error: " + url + ": table 'kunden' not found (tables there: "
                + "sozial)");
        assertThat(fails(CliRunner.run(env(), "match", "--clusters", out, url, "--query",
                "DELETE FROM sozial", "--as", "x"), Cli.EXIT_FAILURE).err)
                .contains("error: ", "must be a single SELECT");

        CliRunner wrong = fails(CliRunner.run(env("GRW_DB_PASSWORD", "falsch-falsch"), "match", "--clusters", out,
                PG.url(), "--table", "personen", "--db-user", PG.user()), Cli.EXIT_FAILURE);
        assertThat(wrong.err).startsWith("error: " + PG.url() + ": the server refused the login")
                .doesNotContain("falsch-falsch");
        CliRunner noPassword = fails(CliRunner.run(env(), "match", "--clusters", out, PG.url(), "--table",
                "personen", "--db-user", PG.user()), Cli.EXIT_FAILURE);
        assertThat(noPassword.err).contains("the server wants a password", "GRW_DB_PASSWORD");
        CliRunner down = fails(CliRunner.run(env(), "match", "--clusters", out, "jdbc:postgresql://127.0.0.1:1/x",
                "--table", "personen"), Cli.EXIT_FAILURE);
        assertThat(down.err).startsWith("error: jdbc:postgresql://127.0.0.1:1/x: cannot connect to the database "
                + "server");
    }

    @Test
    void importIntoAWorkspaceFromBothDatabasesAndSaveTheConnectionWithoutPassword() throws Exception {
        Path ws = dir.resolve("ws.grw");
        String w = ws.toString();
        Map<String, String> admin = env("GRW_PASSWORD", "Verwaltung-2026", "GRW_DB_PASSWORD", PG.passwordText());
        String url = sqlite();
        ok(CliRunner.run(admin, "init", "--workspace", w, "--user", "admin"));
        CliRunner imported = ok(CliRunner.run(admin, "import", "--workspace", w, "--user", "admin", url, "--table",
                "sozial", PG.url(), "--table", "personen", "--db-user", PG.user(), melderegister().toString()));
        assertThat(imported.out).contains("source sozial: 3 records imported from 3 rows", "(SQLite table sozial)",
                "source personen: 3 records imported", "(PostgreSQL table public.personen)",
                "source melderegister: 3 records imported");

        CliRunner twice = fails(CliRunner.run(admin, "import", "--workspace", w, "--user", "admin", url, "--table",
                "sozial", "--as", "sozial_neu"), Cli.EXIT_FAILURE);
        assertThat(twice.err).contains("error: " + url + ", table sozial: this content was imported already",
                "as source 'sozial'");

        CliRunner saved = ok(CliRunner.run(admin, "import", "--workspace", w, "--user", "admin", PG.url(),
                "--query", "SELECT * FROM personen WHERE \"PLZ\" = '10115'", "--as", "berlin", "--db-user",
                PG.user(), "--save-connection", "register"));
        assertThat(saved.out).contains("connection 'register' saved", "source berlin: 1 records imported");
        String store = Files.readString(dir.resolve("home/connections.json"));
        assertThat(store).contains("\"register\"", PG.url(), "\"user\" : \"" + PG.user() + "\"", "PLZ")
                .doesNotContain(PG.passwordText()).doesNotContainIgnoringCase("password");

        Path clusters = dir.resolve("saved.csv");
        CliRunner again = ok(CliRunner.run(env("GRW_DB_PASSWORD", PG.passwordText()), "match", "-q", "--clusters",
                clusters.toString(), "--connection", "register", "--as", "berlin", melderegister().toString()));
        assertThat(again.out).contains("records read: 4");
        assertThat(cluster(Files.readAllLines(clusters), "berlin", "P-1"))
                .isEqualTo(cluster(Files.readAllLines(clusters), "melderegister", "M1"));
        assertThat(fails(CliRunner.run(env(), "match", "--clusters", clusters.toString(), "--connection", "fehlt"),
                Cli.EXIT_FAILURE).err).contains("no saved connection named 'fehlt' (saved: register)");
    }

    @Test
    void exportApprovedGoldenRecordsIntoSqliteAndPostgres() throws Exception {
        Path ws;
        try (TestWorkspaces.Fixture fx = TestWorkspaces.open(dir)) {
            for (QueueEntry e : fx.review().queue(fx.clerk(), null, 2)) {
                var d = fx.review().propose(fx.clerk(), e.clusterId(), new MergeCommand(fx.review().memberIds(
                        fx.clerk(), e.clusterId()), Map.of()), "same", "AZ-1");
                fx.review().approve(fx.supervisor(), d.id(), "ok");
            }
            ws = fx.workspace().file();
        }
        Map<String, String> bernd = env("GRW_PASSWORD", TestWorkspaces.SUPERVISOR_PASSWORD, "GRW_DB_PASSWORD",
                PG.passwordText());
        String target = "jdbc:sqlite:" + dir.resolve("auswertung.db");
        List<String> base = List.of("export", "--workspace", ws.toString(), "--user", TestWorkspaces.SUPERVISOR);
        CliRunner created = ok(CliRunner.run(bernd, args(base, "--jdbc", target, "--table", "golden")));
        assertThat(created.out).contains("exported 2 golden records", "into " + target, "table golden: 2 rows "
                + "(created)", "table golden_lineage:", "table golden_members:");
        assertThat(fails(CliRunner.run(bernd, args(base, "--jdbc", target, "--table", "golden")), Cli.EXIT_FAILURE)
                .err).contains("error: ", "golden' exists already", "--mode append");
        assertThat(ok(CliRunner.run(bernd, args(base, "--jdbc", target, "--table", "golden", "--mode", "append")))
                .out).contains("table golden: 2 rows appended");
        try (Connection c = DriverManager.getConnection(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM golden")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }

        CliRunner pg = ok(CliRunner.run(bernd, args(base, "--jdbc", PG.url(), "--db-user", PG.user(), "--table",
                "auswertung", "--lineage-table", "herkunft", "--members-table", "mitglieder")));
        assertThat(pg.out).contains("table public.auswertung: 2 rows (created)", "table public.herkunft:",
                "table public.mitglieder:");
        try (Connection c = PG.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT golden_id FROM auswertung ORDER BY 1")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            assertThat(ids).containsExactly("G-000001", "G-000002");
        }

        assertThat(fails(CliRunner.run(env("GRW_PASSWORD", TestWorkspaces.CLERK_PASSWORD), "export", "--workspace",
                ws.toString(), "--user", TestWorkspaces.CLERK, "--jdbc", target, "--table", "x"), Cli.EXIT_FAILURE)
                .err).startsWith("access denied");
        assertThat(fails(CliRunner.run(bernd, args(base, "--jdbc", target)), Cli.EXIT_USAGE).err)
                .contains("--table=NAME");
        assertThat(fails(CliRunner.run(bernd, args(base, "--jdbc", target, "--table", "t", "--out", "x")),
                Cli.EXIT_USAGE).err).contains("belong to an export into files");
        assertThat(fails(CliRunner.run(bernd, args(base, "--jdbc", target, "--table", "t", "--mode", "replace")),
                Cli.EXIT_USAGE).err).contains("unknown mode 'replace'");
    }

    private static String[] args(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }
}
