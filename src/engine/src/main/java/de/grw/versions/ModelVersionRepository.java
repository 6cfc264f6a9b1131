package de.grw.versions;

import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The SQL of the model versions: the stored versions and their activations (schema 5 and 15). */
final class ModelVersionRepository {
    private ModelVersionRepository() {
    }

    /** Each activation as version, activated by, activated at; in order. */
    static List<String[]> activations(Connection c) throws SQLException {
        return Sql.list(c, "SELECT version, activated_by, activated_at FROM model_activations ORDER BY id",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
    }

    /** The versions activated since schema 15, in order (the migrated row left out). */
    static List<Integer> activatedVersions(Connection c) throws SQLException {
        return Sql.list(c, "SELECT version FROM model_activations WHERE kind <> 'migrated' ORDER BY id",
                rs -> rs.getInt(1));
    }

    /**
     * Every version, newest first: version, estimated at, by, run id, records, inputs JSON, quality JSON, SHA-256,
     * stored bytes.
     */
    static List<Object[]> versions(Connection c) throws SQLException {
        return Sql.list(c, "SELECT version, estimated_at, estimated_by, run_id, records, inputs_json, quality_json, "
                + "model_sha256, model_bytes FROM models ORDER BY version DESC", rs -> new Object[] {
                    rs.getInt(1), rs.getString(2), rs.getString(3), Sql.nullableLong(rs, 4), rs.getLong(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9)});
    }

    /** Every version's number, stored SHA-256 and bytes, oldest first. */
    static List<Object[]> sealed(Connection c) throws SQLException {
        return Sql.list(c, "SELECT version, model_sha256, model_bytes FROM models ORDER BY version",
                rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getBytes(3)});
    }

    /** The profile a version was estimated for. */
    static String profileOf(Connection c, int version) throws SQLException {
        return Sql.first(c, "SELECT profile_json FROM models WHERE version = ?", rs -> rs.getString(1), version)
                .orElseThrow();
    }
}
