package de.grw.workspace;

import de.grw.store.Settings;
import de.grw.store.Migrations;
import de.grw.store.Workspace;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import java.time.Clock;

/** Creates a workspace for a profile: the schema, the profile and its governance settings. */
public final class WorkspaceSetup {
    private WorkspaceSetup() {
    }

    /**
     * @param profile a built-in profile name or a profile file
     */
    public static Workspace create(Path file, Clock clock, String profile) {
        MatchProfile p = ProfileLoader.load(profile);
        GovernanceConfig governance = GovernanceConfig.builtIn(p.name());
        Workspace w = Workspace.create(file, clock);
        try {
            w.write(c -> {
                Settings.put(c, Settings.PROFILE, ProfileLoader.toJson(p));
                Settings.put(c, Settings.GOVERNANCE, governance.toJson());
                Journal.append(c, w.now(), "system", JournalAction.WORKSPACE_CREATED,
                        new WorkspaceEvents.Created(p.name(), Migrations.latestVersion()));
                return null;
            });
            return w;
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }
}
