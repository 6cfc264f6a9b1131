package de.grw.api;

/**
 * A proposal bundle checked without a workspace ({@link ImportApi#checkProposals}): what it proposes (no personal
 * data).
 *
 * @param clusters     clusters of the bundle
 * @param pairs        scored pairs inside them
 * @param bundleSha256 the SHA-256 of the bundle's manifest, which holds every other file's
 */
public record ProposalsCheck(int clusters, int pairs, String bundleSha256) {
}
