package de.grw.workspace;

import de.grw.store.Settings;
import de.grw.store.Workspace;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.UserFacingException;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;


/** The match profile and governance settings a workspace was created with (kept inside the workspace). */
public final class WorkspaceProfile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WorkspaceProfile() {
    }

    public static MatchProfile profile(Workspace w) {
        String json = w.read(c -> Settings.get(c, Settings.PROFILE)).orElseThrow(
                () -> new UserFacingException(w.name() + ": the workspace has no profile; it was not initialised"));
        try {
            return MAPPER.readValue(json, MatchProfile.class);
        } catch (java.io.IOException e) {
            throw new UserFacingException(w.name() + ": the workspace's profile is unreadable: " + e.getMessage(), e);
        }
    }

    public static GovernanceConfig governance(Workspace w) {
        return w.read(c -> Settings.get(c, Settings.GOVERNANCE)).map(GovernanceConfig::parse)
                .orElseGet(GovernanceConfig::defaults);
    }

    static String json(MatchProfile profile) {
        return ProfileLoader.toJson(profile);
    }
}
