package de.grw.workspace;

import de.grw.matching.model.ModelCodec;
import de.grw.matching.model.ModelParameters;
import de.grw.store.Sql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The workspace's estimated models (schema 5): each estimation adds a version. Since schema 15 the active model is
 * the version of the last row of {@code model_activations} (append-only): a version trained later scores nothing
 * until a supervisor activates it (see {@code de.grw.versions.ModelVersions}), and going back adds a row. Match runs
 * score with the active model. Also what the next run needs to know of the last one (its threshold and the last
 * record it matched).
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

    /** The active model (the version last activated), or {@code null} if none is active yet. */
    public static ActiveModel active(Connection c) throws SQLException {
        Integer version = activeVersion(c);
        return version == null ? null : version(c, version);
    }

    /** The version of the last activation, or {@code null} if no model was ever activated. */
    public static Integer activeVersion(Connection c) throws SQLException {
        return Sql.first(c, "SELECT version FROM model_activations ORDER BY id DESC LIMIT 1", rs -> rs.getInt(1))
                .orElse(null);
    }

    /** One stored version with its parameters, or {@code null} if there is none of that number. */
    public static ActiveModel version(Connection c, int version) throws SQLException {
        return Sql.first(c, "SELECT version, estimated_at, estimated_by, records, profile_json, model_bytes FROM models "
                + "WHERE version = ?", rs -> {
                    ModelParameters model;
                    try {
                        model = ModelCodec.read(rs.getBytes(6));
                    } catch (IOException e) {
                        throw new SQLException("model version " + rs.getInt(1) + " cannot be read", e);
                    }
                    return new ActiveModel(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), model);
                }, version).orElse(null);
    }

    /**
     * Stores a newly estimated model as the next version (not active: see {@link #activate}); returns the version.
     *
     * @param runId       the run that estimated it, or {@code null} for a model trained outside a run
     * @param inputsJson  what it was trained from (decisions, data, settings), canonical JSON
     * @param qualityJson its estimated quality, canonical JSON
     */
    public static int insert(Connection c, String at, String by, Long runId, long records, String profileJson,
                             String modelJson, ModelParameters model, String inputsJson, String qualityJson)
            throws SQLException {
        int version = (int) Sql.number(c, "SELECT coalesce(max(version), 0) FROM models") + 1;
        byte[] bytes = ModelCodec.write(model);
        Sql.update(c, "INSERT INTO models(version, estimated_at, estimated_by, run_id, records, profile_json, "
                + "model_json, model_bytes, inputs_json, quality_json, model_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                version, at, by, runId, records, profileJson, modelJson, bytes, inputsJson, qualityJson,
                sha256(bytes));
        return version;
    }

    /** The decisions in effect that could serve as labels: merges, not-a-duplicate and splits, neither pending nor reverted. */
    static java.util.List<Long> decisionsInEffect(Connection c) throws SQLException {
        return Sql.list(c, "SELECT id FROM decisions WHERE state = 'EFFECTIVE' AND kind IN ('MERGE', 'NOT_DUPLICATE', "
                + "'SPLIT') ORDER BY id", rs -> rs.getLong(1));
    }

    /** The SHA-256 stored with a version. */
    static String sha256Of(Connection c, int version) throws SQLException {
        return Sql.first(c, "SELECT model_sha256 FROM models WHERE version = ?", rs -> rs.getString(1), version)
                .orElseThrow();
    }

    /** SHA-256 of a model's stored bytes, hex. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes {@code version} the active model by a new row of {@code model_activations}; the caller checks the
     * rights and journals it.
     *
     * @param kind {@code initial}, {@code activate} or {@code revert}
     */
    public static void activate(Connection c, int version, String at, String by, String kind, Integer previous,
                                String comment) throws SQLException {
        long id = Sql.number(c, "SELECT coalesce(max(id), 0) FROM model_activations") + 1;
        Sql.update(c, "INSERT INTO model_activations(id, version, activated_at, activated_by, kind, previous, comment) "
                + "VALUES (?,?,?,?,?,?,?)", id, version, at, by, kind, previous, comment == null ? "" : comment);
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
