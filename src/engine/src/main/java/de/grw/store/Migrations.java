package de.grw.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema's versions as SQL scripts ({@code V1__workspace.sql}, {@code V2__indexes.sql}, ...), applied in order.
 * The version reached is kept in SQLite's {@code user_version}; opening a workspace of an older version applies the
 * missing scripts in one transaction.
 */
public final class Migrations {
    /** Scripts in version order; the index + 1 is the version a script brings the schema to. */
    static final List<String> SCRIPTS = List.of("V1__workspace.sql", "V2__indexes.sql", "V3__problem_texts.sql",
            "V4__active_model.sql", "V5__source_feeds.sql");

    private Migrations() {
    }

    public static int latestVersion() {
        return SCRIPTS.size();
    }

    public static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Applies the scripts above the current version, up to {@code target}; returns the versions applied. */
    static List<Integer> migrate(Connection c, int target) throws SQLException {
        int current = version(c);
        List<Integer> applied = new ArrayList<>();
        if (current > latestVersion()) {
            throw new SQLException("the workspace was written by a newer version of the workbench (schema "
                    + current + ", this version knows " + latestVersion() + ")");
        }
        for (int v = current + 1; v <= target; v++) {
            try (Statement s = c.createStatement()) {
                for (String statement : statements(read(SCRIPTS.get(v - 1)))) {
                    s.execute(statement);
                }
                s.execute("PRAGMA user_version = " + v);
            }
            applied.add(v);
        }
        return applied;
    }

    private static String read(String script) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new SQLException("missing schema script " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read schema script " + script, e);
        }
    }

    /** Splits a script into statements at semicolons that end a line, keeping trigger bodies whole. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            boolean ends = trimmed.endsWith(";") && (!inTrigger || upper.endsWith("END;"));
            if (ends) {
                out.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
