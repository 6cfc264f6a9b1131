package de.grw.export;

import org.junit.jupiter.api.Tag;
import de.grw.importing.db.PostgresTestServer;
import de.grw.importing.db.SqlNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DatabaseExportContract} on a real PostgreSQL server. */
@Tag("slow")
class PostgresExportTest extends DatabaseExportContract {
    @RegisterExtension
    static final PostgresTestServer PG = new PostgresTestServer();

    @Override
    String url() {
        return PG.url();
    }

    @Override
    String user() {
        return PG.user();
    }

    @Override
    char[] password() {
        return PG.password();
    }

    @Override
    Connection connect() throws SQLException {
        return PG.connect();
    }

    /** PostgreSQL cuts names after 63 bytes: two long names that differ only after that are one table. */
    @Override
    List<String> collidingNames() {
        String base = "g".repeat(63);
        return List.of(base + "_eins", base + "_zwei");
    }

    @Override
    void dropAll() throws SQLException {
        try (Connection c = PG.connect(); Statement s = c.createStatement()) {
            for (SqlNames.TableRef t : SqlNames.tables(c)) {
                s.execute("DROP TABLE IF EXISTS " + t.sql("\"") + " CASCADE");
            }
        }
    }
}
