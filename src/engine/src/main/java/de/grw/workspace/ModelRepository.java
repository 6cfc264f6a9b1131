package de.grw.workspace;

import de.grw.matching.model.ModelCodec;
import de.grw.matching.model.ModelParameters;
import de.grw.store.Sql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The workspace's estimated models (schema 5): each estimation adds a version, the highest is the active model, and
 * match runs score with it until someone deliberately re-estimates. Also what the next run needs to know of the
 * last one (its threshold and the last record it matched).
 */
public final class ModelRepository {
    private ModelRepository() {
    }

    /** The active model: its version, the profile it was estimated for, the parameters, when and by whom. */
    public record ActiveModel(int version, String estimatedAt, String estimatedBy, long records, String profileJson,
                              ModelParameters model) {
    }

    /** What the last run that recorded it matched up to, and with which threshold and model version. */
    public record LastRun(long runId, double threshold, Integer modelVersion, Long lastRecordId) {
    }

    /** The active model (the highest version), or {@code null} if none was estimated yet. */
    public static ActiveModel active(Connection c) throws SQLException {
        return Sql.first(c, "SELECT version, estimated_at, estimated_by, records, profile_json, model_bytes FROM models "
                + "ORDER BY version DESC LIMIT 1", rs -> {
                    ModelParameters model;
                    try {
                        model = ModelCodec.read(rs.getBytes(6));
                    } catch (IOException e) {
                        throw new SQLException("model version " + rs.getInt(1) + " cannot be read", e);
                    }
                    return new ActiveModel(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), model);
                }).orElse(null);
    }

    /** Stores a newly estimated model as the next version; returns the version. */
    public static int insert(Connection c, String at, String by, long runId, long records, String profileJson,
                             String modelJson, ModelParameters model) throws SQLException {
        int version = (int) Sql.number(c, "SELECT coalesce(max(version), 0) FROM models") + 1;
        Sql.update(c, "INSERT INTO models(version, estimated_at, estimated_by, run_id, records, profile_json, "
                + "model_json, model_bytes) VALUES (?,?,?,?,?,?,?,?)", version, at, by, runId, records, profileJson,
                modelJson, ModelCodec.write(model));
        return version;
    }

    /** The latest run, or {@code null} if none. */
    public static LastRun lastRun(Connection c) throws SQLException {
        return Sql.first(c, "SELECT id, threshold, model_version, last_record_id FROM match_runs ORDER BY id DESC "
                + "LIMIT 1", rs -> new LastRun(rs.getLong(1), rs.getDouble(2), rs.getObject(3) == null ? null : rs.getInt(3), rs.getObject(4) == null ? null : rs.getLong(4))).orElse(null);
    }

    /** Notes on a run how it ran, with which model version, and the highest record id it matched. */
    public static void describeRun(Connection c, long runId, String kind, int modelVersion, long lastRecordId)
            throws SQLException {
        Sql.update(c, "UPDATE match_runs SET kind = ?, model_version = ?, last_record_id = ? WHERE id = ?", kind,
                modelVersion, lastRecordId, runId);
    }
}
