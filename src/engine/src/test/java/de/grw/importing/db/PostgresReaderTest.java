package de.grw.importing.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.importing.read.TablePreview;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading PostgreSQL tables and queries on a real server: types, cursor streaming, read-only, clear failures. */
@Tag("slow")
class PostgresReaderTest {
    @RegisterExtension
    static final PostgresTestServer PG = new PostgresTestServer();

    @BeforeAll
    static void tables() throws Exception {
        PG.execute("CREATE SCHEMA meldewesen",
                "CREATE TABLE meldewesen.personen (id integer PRIMARY KEY, familienname text, vornamen varchar(80), "
                        + "geburtsdatum date, erfasst timestamp, erfasst_tz timestamptz, aktiv boolean, "
                        + "gewicht real, groesse double precision, betrag numeric(10,2), anzahl bigint, "
                        + "kennung uuid, foto bytea, notiz text)",
                "INSERT INTO meldewesen.personen VALUES (1, 'Müller', 'Hans-Peter', '1971-04-03', "
                        + "'2024-05-06 07:08:09', '2024-05-06 07:08:09+02', true, 81.5, 180.0, 12.50, "
                        + "9007199254740993, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff', 'erste Zeile')",
                "INSERT INTO meldewesen.personen VALUES (2, 'Schmidt', NULL, NULL, NULL, NULL, false, 0.1, 1e-7, "
                        + "12.00, NULL, NULL, NULL, '')",
                "CREATE TABLE personen (id integer, name text)",
                "INSERT INTO personen VALUES (1, 'öffentlich')",
                "CREATE TABLE gross (id integer, text text)",
                "INSERT INTO gross SELECT g, repeat('x', 1000) || g FROM generate_series(1, 200000) g");
    }

    @Test
    void everyTypeArrivesAsTextAndBinaryDataIsReportedOnce() {
        Rows rows = new Rows();
        String origin = new DatabaseReader().read(PG.table("meldewesen.personen"), rows, null, null).describe();

        assertThat(origin).isEqualTo("PostgreSQL table meldewesen.personen");
        assertThat(rows.rows).hasSize(2);
        assertThat(rows.rows.get(0)).containsExactly("1", "Müller", "Hans-Peter", "1971-04-03", "2024-05-06T07:08:09",
                rows.rows.get(0).get(5), "true", "81.5", "180", "12.50", "9007199254740993",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", null, "erste Zeile");
        assertThat(rows.rows.get(0).get(5)).matches("2024-05-06T0\\d:08:09Z|2024-05-06T0\\d:08:09[+-]\\d\\d:\\d\\d");
        assertThat(rows.rows.get(1)).containsExactly("2", "Schmidt", null, null, null, null, "false", "0.1", "0.0000001",
                "12", null, null, null, "");
        assertThat(rows.unreadable).singleElement().asString()
                .startsWith("0/12: column \"foto\" has the type bytea (binary data), which cannot be read as text");
    }

    @Test
    void anUnqualifiedNamePrefersTheCurrentSchemaAndAQueryKeepsItsLabels() {
        Rows rows = new Rows();
        assertThat(new DatabaseReader().read(PG.table("personen"), rows, null, null).describe())
                .isEqualTo("PostgreSQL table public.personen");
        assertThat(rows.rows).containsExactly(List.of("1", "öffentlich"));

        Rows q = new Rows();
        new DatabaseReader().read(PG.query("WITH p AS (SELECT * FROM meldewesen.personen) SELECT familienname AS "
                + "\"Nachname\", betrag * 2 AS doppelt, 'a;b' AS text FROM p ORDER BY id"), q, null, null);
        assertThat(q.header).containsExactly("Nachname", "doppelt", "text");
        assertThat(q.rows).containsExactly(Arrays.asList("Müller", "25", "a;b"), Arrays.asList("Schmidt", "24",
                "a;b"));
    }

    @Test
    void aPreviewFetchesOnlyTheFirstRows() {
        TablePreview preview = new DatabaseReader().preview(PG.table("gross"), 5);
        assertThat(preview.rows()).hasSize(5);
        assertThat(preview.more()).isTrue();
        assertThat(preview.format().describe()).isEqualTo("PostgreSQL table public.gross");
        assertThat(new DatabaseReader().tables(PG.url(), PG.user(), PG.password()))
                .contains("meldewesen.personen", "public.personen", "public.gross");
    }

    @Test
    void twoHundredThousandRowsStreamThroughACursor() {
        HeapWatch watch = new HeapWatch(150_000);
        new DatabaseReader().read(PG.table("gross").withFetchSize(2_000), watch, null, null);
        assertThat(watch.count).isEqualTo(200_000);
        // 200 MB of text on the server; without a cursor the driver would hold all of it before the first row
        assertThat(watch.growth()).as("heap growth while reading").isLessThan(64L << 20);
    }

    @Test
    void queriesRunInAReadOnlyTransaction() throws Exception {
        DatabaseReader reader = new DatabaseReader();
        assertThatThrownBy(() -> reader.read(PG.query("WITH d AS (DELETE FROM personen RETURNING *) SELECT * FROM d"),
                new Rows(), null, null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("tried to change data");
        assertThatThrownBy(() -> reader.read(PG.query("SELECT 1; DELETE FROM personen"), new Rows(), null, null))
                .hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> reader.read(PG.query("UPDATE personen SET name = 'x'"), new Rows(), null, null))
                .hasMessageContaining("must be a single SELECT");
        Rows quoted = new Rows();
        reader.read(PG.query("SELECT $$;$$ AS a, 'a'';' AS b, E'\\';' AS c /* ; /* ; */ ; */ FROM personen -- ;\n;"),
                quoted, null, null);
        assertThat(quoted.rows).containsExactly(List.of(";", "a';", "';"));
        try (Connection c = PG.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM personen")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void failuresAreNamedWithoutStackTraceOrPassword() throws Exception {
        DatabaseReader reader = new DatabaseReader();
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        String down = "jdbc:postgresql://127.0.0.1:" + freePort + "/register";
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofTable(down, "postgres", "geheim".toCharArray(),
                "personen"), new Rows(), null, null)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(down + ": cannot connect to the database server")
                .hasMessageContaining("is it running").hasMessageNotContaining("geheim");

        assertThatThrownBy(() -> reader.read(DatabaseSource.ofTable(PG.url(), PG.user(),
                "falsch-falsch".toCharArray(), "personen"), new Rows(), null, null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(PG.url() + ": the server refused the login: wrong user name or password")
                .hasMessageNotContaining("falsch-falsch");

        String withPassword = PG.url() + "?password=" + "falsch-falsch";
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofTable(withPassword, PG.user(), null, "personen"),
                new Rows(), null, null)).hasMessageContaining("password=***").hasMessageNotContaining("falsch-falsch");

        assertThatThrownBy(() -> reader.read(PG.table("kunden"), new Rows(), null, null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(PG.url() + ": table 'kunden' not found (tables there: ")
                .hasMessageContaining("public.personen");

        assertThatThrownBy(() -> reader.read(DatabaseSource.ofTable(PG.urlOf("gibt_es_nicht"), PG.user(),
                PG.password(), "personen"), new Rows(), null, null)).hasMessageContaining("database does not exist");

        assertThatThrownBy(() -> reader.read(PG.query("SELECT * FROM kunden"), new Rows(), null, null))
                .hasMessageContaining("table not found").hasMessageContaining("kunden");
    }
}
