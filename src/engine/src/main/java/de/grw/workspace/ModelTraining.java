package de.grw.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.matching.model.ModelParameters;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a trained model as a version with its inputs (which decisions, which data, which settings), its parameters
 * and its estimated quality, in the store ({@code models}) and in the journal ({@code model.estimated}, with the
 * SHA-256 of the stored parameters). Only the first model of a workspace, or the first for a changed profile, becomes
 * active with it ({@code initial}: without a model nothing could be matched); every later version waits for a
 * supervisor's activation ({@code de.grw.versions.ModelVersions}).
 */
final class ModelTraining {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelTraining() {
    }

    /** The decisions in effect that could serve as labels: merges, not-a-duplicate and splits, neither pending nor reverted. */
    static List<Long> decisionsInEffect(Connection c) throws SQLException {
        return ModelRepository.decisionsInEffect(c);
    }

    /**
     * What a version was trained from.
     *
     * @param inEffect the decisions in effect when it was trained (they constrained the clustering)
     * @param used     those whose labels the trainer used
     */
    static Map<String, Object> inputs(String method, String reason, long[] ids, List<Long> inEffect, List<Long> used,
                                      String profileJson) {
        return inputs(method, reason, ids.length, ids.length == 0 ? null : ids[ids.length - 1],
                WorkspaceMatcher.fingerprint(ids), inEffect, used, profileJson);
    }

    /** As above, with the records named by count, highest id and the SHA-256 of their ids (kept counts). */
    static Map<String, Object> inputs(String method, String reason, long records, Long lastRecord,
                                      String recordsSha256, List<Long> inEffect, List<Long> used,
                                      String profileJson) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("reason", reason);
        m.put("decisions_used", used);
        m.put("decisions_in_effect", inEffect.size());
        m.put("last_decision", inEffect.isEmpty() ? null : inEffect.get(inEffect.size() - 1));
        m.put("records", records);
        m.put("last_record", lastRecord);
        m.put("records_sha256", recordsSha256);
        m.put("profile_sha256", CanonicalJson.sha256(profileJson));
        return m;
    }

    /**
     * Stores the version and journals it; with {@code activateNow} also makes it active ({@code initial}).
     *
     * @param runId the run that trained it, or {@code null}
     * @return the new version
     */
    static int store(Connection c, Workspace workspace, Session session, Long runId, long records, String profileJson,
                     ModelParameters model, ModelQuality estimated, String reason, Map<String, Object> inputs,
                     boolean activateNow) throws SQLException {
        Map<String, Object> quality = estimated.toMap();
        String modelJson;
        try {
            modelJson = JSON.writeValueAsString(model);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String at = workspace.now().toString();
        int version = ModelRepository.insert(c, at, session.user(), runId, records, profileJson, modelJson,
                model, CanonicalJson.write(inputs), CanonicalJson.write(quality));
        String sha = ModelRepository.sha256Of(c, version);
        Journal.append(c, workspace.now(), session.user(), JournalAction.MODEL_ESTIMATED,
                new WorkspaceEvents.ModelTrained(version, runId, records, reason, model.iterations(),
                        model.converged(), String.valueOf(inputs.get("method")), sha, inputs, quality,
                        activateNow));
        if (activateNow) {
            Integer previous = ModelRepository.activeVersion(c);
            ModelRepository.activate(c, version, at, session.user(), "initial", previous, reason);
            Journal.append(c, workspace.now(), session.user(), JournalAction.MODEL_ACTIVATED,
                    new WorkspaceEvents.ModelActivated(version, previous, "initial", session.user(), reason));
        }
        return version;
    }
}
