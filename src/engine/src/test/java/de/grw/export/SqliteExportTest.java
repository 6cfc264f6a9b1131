package de.grw.export;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** {@link DatabaseExportContract} on a SQLite file (created by the first export). */
class SqliteExportTest extends DatabaseExportContract {
    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("auswertung.db");
    }

    @Override
    String user() {
        return null;
    }

    @Override
    char[] password() {
        return new char[0];
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** SQLite compares table names without regard to case. */
    @Override
    List<String> collidingNames() {
        return List.of("Golden", "GOLDEN");
    }

    @Override
    void dropAll() {
        // a new temporary folder per test
    }


}
