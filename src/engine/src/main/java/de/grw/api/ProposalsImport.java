package de.grw.api;

/**
 * What {@link ImportApi#proposals} stored: the Spark job's run as a match run of kind {@code imported} (no personal
 * data).
 *
 * @param runId          the stored run
 * @param records        records the job matched
 * @param candidatePairs pairs the job compared
 * @param threshold      the probability from which the job linked two records
 * @param clusters       clusters of the bundle
 * @param newClusters    clusters now in the queue for the first time
 * @param unchanged      clusters a run proposed before (their review state is kept)
 * @param superseded     open clusters of earlier runs that the bundle does not propose (out of the queue)
 * @param pairs          scored pairs stored with the new clusters (with their explanations)
 * @param bundleSha256   the SHA-256 of the bundle's manifest, which holds every other file's: the bundle's identity
 *                       in the journal
 */
public record ProposalsImport(long runId, long records, long candidatePairs, double threshold, int clusters,
                              int newClusters, int unchanged, int superseded, int pairs, String bundleSha256) {
}
