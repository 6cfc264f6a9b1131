package de.grw.api;

import de.grw.profile.MatchProfile;
import de.grw.workspace.GovernanceConfig;

/**
 * The rules a workspace was set up with: its match profile (fields, comparisons, threshold) and its governance
 * settings (masked fields, survivorship, mandatory case references and comments). As fetched at sign-in: no I/O,
 * for the FX thread.
 */
public interface GovernanceApi {

    /** The workspace's match profile. */
    MatchProfile profile();

    /** The workspace's governance settings. */
    GovernanceConfig settings();
}
