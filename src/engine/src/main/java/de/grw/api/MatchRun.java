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
 * @param model          the model that scored the run, one line per comparison level (m and u)
 * @param kind           how the run matched: {@code estimated} (model estimated, all pairs), {@code full} (all pairs
 *                       with the active model), {@code incremental} (only pairs with new records), {@code nothing-new}
 * @param modelVersion   the version of the active model that scored the run
 * @param newRecords     records new since the last run
 */
public record MatchRun(long runId, double threshold, int records, long candidatePairs, int clusters,
                       int newClusters, int unchanged, int superseded, long refusedMerges, List<String> model,
                       String kind, int modelVersion, int newRecords) {
    public MatchRun {
        model = List.copyOf(model);
    }
}
