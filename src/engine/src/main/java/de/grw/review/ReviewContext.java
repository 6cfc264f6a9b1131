package de.grw.review;

import de.grw.workspace.GovernanceConfig;

import de.grw.profile.MatchProfile;
import java.sql.Connection;
import java.time.Instant;

/**
 * What a decision needs while it is applied or reverted: the open transaction and the circumstances.
 *
 * @param connection the transaction's connection
 * @param now        the time of the change
 * @param user       who makes it
 * @param clusterId  the cluster decided on
 * @param profile    the workspace's match profile
 * @param governance the workspace's governance settings
 */
public record ReviewContext(Connection connection, Instant now, String user, long clusterId, MatchProfile profile,
                            GovernanceConfig governance) {
}
