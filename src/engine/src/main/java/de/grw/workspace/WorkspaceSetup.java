package de.grw.workspace;

import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.store.Settings;
import de.grw.store.Migrations;
import de.grw.store.Store;
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
     * Creates a workspace file.
     *
     * @param profile a built-in profile name or a profile file
     */
    public static Workspace create(Path file, Clock clock, String profile) {
        MatchProfile p = ProfileLoader.load(profile);
        return initialise(Workspace.create(file, clock), p);
    }

    /**
     * Makes a workspace of an empty store (a new PostgreSQL schema); refuses a store that holds one already. The
     * store is closed when this fails.
     *
     * @param profile a built-in profile name or a profile file
     */
    public static Workspace create(Store store, String profile) {
        Workspace w = Workspace.of(store);
        try {
            MatchProfile p = ProfileLoader.load(profile);
            if (w.read(c -> Settings.get(c, Settings.PROFILE)).isPresent()) {
                throw new UserFacingException(Text.of("workspace.initialised", store.name()));
            }
            return initialise(w, p);
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    private static Workspace initialise(Workspace w, MatchProfile p) {
        GovernanceConfig governance = GovernanceConfig.builtIn(p.name());
        try {
            w.write(c -> {
                if (Settings.get(c, Settings.PROFILE).isPresent()) {
                    throw new UserFacingException(Text.of("workspace.initialised", w.name()));
                }
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
