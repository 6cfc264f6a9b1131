package de.grw.api;

import java.util.List;

/**
 * What a match run over the workspace stored (no personal data).
 *
 * @param runId          the stored run
 * @param threshold      the probability from which two records were linked
 * @param records        records matched
 * @param candidatePairs pairs compared
 * @param clusters       clusters with more than one record
 * @param newClusters    clusters proposed for the first time (now in the queue)
 * @param unchanged      clusters an earlier run proposed already (their review state is kept)
 * @param superseded     open clusters of earlier runs that this run no longer proposes
 * @param refusedMerges  merges the clustering refused as contradictory
 * @param model          the estimated model, one line per comparison level (m and u)
 */
public record MatchRun(long runId, double threshold, int records, long candidatePairs, int clusters,
                       int newClusters, int unchanged, int superseded, long refusedMerges, List<String> model) {
    public MatchRun {
        model = List.copyOf(model);
    }
}
