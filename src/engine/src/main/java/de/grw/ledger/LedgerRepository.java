package de.grw.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The ledger's reading of the store: the sealed tables row by row, and the journal's end. */
final class LedgerRepository {
    private LedgerRepository() {
    }

    /** The journal's length and last hash ({@code null} for an empty journal). */
    record JournalEnd(long size, String head) {
    }

    static JournalEnd journalEnd(Connection c) throws SQLException {
        String head = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM journal ORDER BY seq DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                head = rs.getString(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM journal");
             ResultSet rs = ps.executeQuery()) {
            return new JournalEnd(rs.next() ? rs.getLong(1) : 0, head);
        }
    }

    /**
     * Hands the table's column names (lower case) to {@code header}, then every row's values, in the given order
     * (column names), or by all columns when {@code order} is null.
     *
     * @param table one of {@link StateDigest#TABLES} (never input)
     */
    static void eachRow(Connection c, String table, String order, Consumer<List<Object>> row,
                        Consumer<List<String>> header) throws SQLException {
        int columns;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            columns = meta.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            header.accept(names);
        }
        StringBuilder by = new StringBuilder();
        if (order != null) {
            by.append(order);
        } else {
            for (int i = 1; i <= columns; i++) {
                by.append(i == 1 ? "" : ", ").append(i);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " ORDER BY " + by);
             ResultSet rs = ps.executeQuery()) {
            List<Object> values = new ArrayList<>(columns);
            while (rs.next()) {
                values.clear();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getObject(i));
                }
                row.accept(values);
            }
        }
    }
}
