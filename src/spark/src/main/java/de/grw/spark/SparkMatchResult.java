package de.grw.spark;

import de.grw.matching.blocking.RuleStats;
import de.grw.matching.model.ModelParameters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;

/**
 * What a Spark match produced: the scored candidate pairs and the clusters (distributed), the model and the figures
 * a single-machine run reports (per-rule blocking figures with the pairs of oversized blocks left out, links refused
 * by contradictions, ambiguous links, refused merges). Close it to release the engine objects and cached data.
 *
 * @param clusterOf per record in a cluster of several records, the cluster's label (its smallest record index); a
 *                  record not in it is a cluster of its own
 */
public record SparkMatchResult(EngineContext context, int records, long candidatePairs, List<RuleStats> ruleStats,
                               ModelParameters model, double threshold, JavaRDD<SparkMatchJob.Scored> scored,
                               JavaPairRDD<Integer, Integer> clusterOf, long components, int componentRounds,
                               long refusedMerges, long ambiguousLinks, Map<String, Long> refusedLinks,
                               Map<String, Duration> timings) implements AutoCloseable {

    /** Per record its cluster label (its own index when alone), collected on the driver (for tests and small runs). */
    public int[] clusterArray() {
        int[] out = new int[records];
        for (int r = 0; r < records; r++) {
            out[r] = r;
        }
        clusterOf.collectAsMap().forEach((record, label) -> out[record] = label);
        return out;
    }

    /** Pairs of oversized blocks left out, over all rules. */
    public long pairsLeftOut() {
        return ruleStats.stream().mapToLong(RuleStats::pairsLeftOut).sum();
    }

    @Override
    public void close() {
        scored.unpersist(false);
        clusterOf.unpersist(false);
        context.release();
    }
}
