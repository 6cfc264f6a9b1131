package de.grw.importing.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query guard, identifier quoting, masked URLs and saved connections without passwords. */
class QueryCheckAndSettingsTest {
    private static final Databases.Kind PG = Databases.Kind.POSTGRESQL;
    private static final Databases.Kind SQLITE = Databases.Kind.SQLITE;

    @TempDir
    Path dir;

    @Test
    void aQueryIsOneReadingStatement() {
        assertThat(QueryCheck.singleSelect("  select * from t;  -- fertig\n", PG)).isEqualTo("select * from t");
        assertThat(QueryCheck.singleSelect("/* Kommentar; */ (SELECT 1) UNION (SELECT 2)", PG))
                .startsWith("/* Kommentar; */");
        assertThat(QueryCheck.singleSelect("WITH a AS (SELECT ';' AS x) SELECT \"a;b\" FROM a", SQLITE)).isNotNull();
        assertThat(QueryCheck.singleSelect("SELECT $tag$ ; $tag$, E'\\\\'';'", PG)).isNotNull();
        assertThat(QueryCheck.singleSelect("VALUES (1)", SQLITE)).isEqualTo("VALUES (1)");

        assertThatThrownBy(() -> QueryCheck.singleSelect("INSERT INTO t VALUES (1)", PG))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("begins with INSERT");
        assertThatThrownBy(() -> QueryCheck.singleSelect("SELECT 1; DROP TABLE t", PG))
                .hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> QueryCheck.singleSelect("SELECT 1 /* a /* b */ ; DROP TABLE t; -- */", SQLITE))
                .as("SQLite comments do not nest").hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> QueryCheck.singleSelect("SELECT ';' ; ;", PG))
                .hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> QueryCheck.singleSelect("   ", PG)).hasMessageContaining("empty");
        assertThatThrownBy(() -> QueryCheck.singleSelect("-- nur Kommentar", PG)).hasMessageContaining("begins with");
    }

    @Test
    void namesAreQuotedIdentifiersAndPasswordsInUrlsAreMasked() {
        assertThat(SqlNames.quote("x\"; DROP TABLE personen; --", "\"")).isEqualTo("\"x\"\"; DROP TABLE personen; --\"");
        assertThat(SqlNames.quote("a`b", "`")).isEqualTo("`a``b`");
        assertThat(new SqlNames.TableRef("mel de", "per\"sonen").sql("\"")).isEqualTo("\"mel de\".\"per\"\"sonen\"");
        assertThatThrownBy(() -> SqlNames.quote("a\0b", "\"")).isInstanceOf(UserFacingException.class);
        assertThat(Databases.safeUrl("jdbc:postgresql://h/db?user=u&password=geheim&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        DatabaseSource s = DatabaseSource.ofTable("jdbc:postgresql://h/db?password=geheim", "u",
                "auch-geheim".toCharArray(), "personen");
        assertThat(s.toString()).doesNotContain("geheim").contains("password=***");
        assertThat(s.describe()).isEqualTo("jdbc:postgresql://h/db?password=***, table personen");
        assertThatThrownBy(() -> DatabaseSource.ofTable("postgres://h/db", null, null, "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSource("jdbc:sqlite:x", null, null, "t", "SELECT 1", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DatabaseSource.ofTable("jdbc:sqlite:x", null, null, "meldewesen.personen").defaultSourceName())
                .isEqualTo("personen");
    }

    @Test
    void savedConnectionsKeepEverythingButThePassword() throws Exception {
        ConnectionStore store = new ConnectionStore(dir.resolve("home/connections.json"));
        assertThat(store.all()).isEmpty();
        store.save("register", ConnectionSettings.of(DatabaseSource.ofTable(
                "jdbc:postgresql://h/db?password=geheim&ssl=true", "grw", "geheim-nicht".toCharArray(), "personen")));
        store.save("kfz", new ConnectionSettings("jdbc:sqlite:/daten/kfz.db", null, null, "SELECT * FROM halter"));

        String json = Files.readString(store.file());
        assertThat(json).doesNotContain("geheim\"", "password", "geheim&").contains("ssl=true", "personen");
        ConnectionSettings register = new ConnectionStore(store.file()).get("register");
        assertThat(register.url()).isEqualTo("jdbc:postgresql://h/db?ssl=true");
        assertThat(register.user()).isEqualTo("grw");
        assertThat(register.toSource("pw".toCharArray()).table()).isEqualTo("personen");
        assertThat(store.get("kfz").query()).isEqualTo("SELECT * FROM halter");
        assertThat(ConnectionStore.withoutPassword("jdbc:postgresql://h/db?password=x")).isEqualTo(
                "jdbc:postgresql://h/db");
        assertThat(store.remove("kfz")).isTrue();
        assertThatThrownBy(() -> store.get("kfz")).hasMessageContaining("no saved connection named 'kfz' (saved: "
                + "register)");
    }
}
