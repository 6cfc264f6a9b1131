package de.grw.versions;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.Text;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.matching.model.ModelCodec;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.AccountRules;
import de.grw.workspace.ModelRepository;
import de.grw.workspace.WorkspaceEvents;
import de.grw.workspace.WorkspaceProfile;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workspace's model versions: listing them, activating a newer one and going back to an earlier one. Rights are
 * checked here, whatever front end calls: listing needs the right to verify the journal; activating and going back
 * need {@link Permission#ACTIVATE_MODEL} (supervisors). Activating is four eyes: neither the account that trained the
 * version nor another account of the same person may activate it. Going back is allowed only to a version that was
 * active before (it passed four eyes then, or was the workspace's first). Both add a row to {@code
 * model_activations} and a journal entry in one transaction; the next match run scores with the version (all pairs,
 * since the model changed).
 */
public final class ModelVersions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelVersions.class);
    private final Workspace workspace;

    public ModelVersions(Workspace workspace) {
        this.workspace = workspace;
    }

    /** All versions, newest first. */
    public List<ModelVersionView> list(Session session) {
        session.require(Permission.VERIFY, "list_model_versions");
        return workspace.read(ModelVersions::read);
    }

    /** One version. */
    public ModelVersionView version(Session session, int version) {
        session.require(Permission.VERIFY, "list_model_versions");
        return workspace.read(c -> read(c).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new de.grw.common.UserFacingException(Text.of("model.unknown", version))));
    }

    /** Makes a newer version, never active before, the active one (four eyes). */
    public ModelVersionView activate(Session session, int version, String comment) {
        return change(session, version, comment, false);
    }

    /** Goes back to a version that was active before. */
    public ModelVersionView revert(Session session, int version, String comment) {
        return change(session, version, comment, true);
    }

    private ModelVersionView change(Session session, int version, String comment, boolean back) {
        if (back) {
            session.require(Permission.ACTIVATE_MODEL, "revert_a_model");
        } else {
            session.require(Permission.ACTIVATE_MODEL, "activate_a_model");
        }
        String profileJson = de.grw.profile.ProfileLoader.toJson(WorkspaceProfile.profile(workspace));
        return workspace.write(c -> {
            List<ModelVersionView> all = read(c);
            ModelVersionView target = all.stream().filter(v -> v.version() == version).findFirst()
                    .orElseThrow(() -> new de.grw.common.UserFacingException(Text.of("model.unknown", version)));
            Integer active = ModelRepository.activeVersion(c);
            if (target.active()) {
                throw new de.grw.common.UserFacingException(Text.of("model.already_active", version));
            }
            if (back && !"earlier".equals(target.state())) {
                throw new de.grw.common.UserFacingException(Text.of("model.revert_never_active", version));
            }
            if (!back && !"candidate".equals(target.state())) {
                throw new de.grw.common.UserFacingException(Text.of("model.activate_was_active", version));
            }
            if (!back) {
                if (AccountRules.samePerson(c, session, target.trainedBy())) {
                    LOG.warn("refused: {} may not activate model version {}, trained by {} (four eyes)",
                            session.user(), version, target.trainedBy());
                    throw new AccessDeniedException(Text.of("model.four_eyes", session.user(), version,
                            target.trainedBy()));
                }
                String itsProfile = ModelVersionRepository.profileOf(c, version);
                if (!sameProfile(itsProfile, profileJson)) {
                    throw new de.grw.common.UserFacingException(Text.of("model.other_profile", version));
                }
            }
            String kind = back ? "revert" : "activate";
            ModelRepository.activate(c, version, workspace.now().toString(), session.user(), kind, active, comment);
            Journal.append(c, workspace.now(), session.user(),
                    back ? JournalAction.MODEL_REVERTED : JournalAction.MODEL_ACTIVATED,
                    new WorkspaceEvents.ModelActivated(version, active, kind, target.trainedBy(),
                            comment == null ? "" : comment));
            LOG.info("model version {} {} by {} (was {})", version, back ? "gone back to" : "activated",
                    session.user(), active);
            return read(c).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
        });
    }

    private static boolean sameProfile(String a, String b) {
        return CanonicalJson.parse(a).equals(CanonicalJson.parse(b));
    }

    /** All versions with their state, newest first. */
    static List<ModelVersionView> read(Connection c) throws SQLException {
        Integer active = ModelRepository.activeVersion(c);
        Map<Integer, String[]> lastActivation = new java.util.HashMap<>();
        for (String[] row : ModelVersionRepository.activations(c)) {
            lastActivation.put(Integer.parseInt(row[0]), row);
        }
        List<ModelVersionView> out = new ArrayList<>();
        for (Object[] r : ModelVersionRepository.versions(c)) {
            int v = (Integer) r[0];
            JsonNode inputs = r[5] == null ? null : CanonicalJson.parse((String) r[5]);
            JsonNode quality = r[6] == null ? null : CanonicalJson.parse((String) r[6]);
            List<Long> used = new ArrayList<>();
            if (inputs != null) {
                inputs.path("decisions_used").forEach(n -> used.add(n.asLong()));
            }
            de.grw.matching.model.ModelParameters model;
            try {
                model = ModelCodec.read((byte[]) r[8]);
            } catch (IOException e) {
                throw new SQLException("model version " + v + " cannot be read", e);
            }
            String[] act = lastActivation.get(v);
            String state = active != null && active == v ? "active" : act != null ? "earlier" : "candidate";
            out.add(new ModelVersionView(v, (String) r[1], (String) r[2], (Long) r[3], (Long) r[4],
                    inputs == null ? null : inputs.path("method").asText(null),
                    inputs == null ? null : inputs.path("reason").asText(null), used,
                    inputs == null ? 0 : inputs.path("decisions_in_effect").asInt(),
                    number(quality, "precision"), number(quality, "recall"), number(quality, "f1"),
                    quality == null ? model.converged() : quality.path("converged").asBoolean(),
                    r[7] == null ? ModelRepository.sha256((byte[]) r[8]) : (String) r[7], state,
                    act == null ? null : act[1], act == null ? null : act[2], model.describe()));
        }
        return out;
    }

    private static Double number(JsonNode node, String field) {
        return node == null || !node.path(field).isNumber() ? null : node.path(field).asDouble();
    }
}
