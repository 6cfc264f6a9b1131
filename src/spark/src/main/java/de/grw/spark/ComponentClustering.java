package de.grw.spark;

import de.grw.common.CancellationToken;
import de.grw.matching.MatchEngine;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.cluster.ConstrainedClustering;
import de.grw.matching.cluster.PairConstraint;
import de.grw.matching.model.Scorer;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * The engine's contradiction-guarded clustering ({@link MatchEngine#clusterLinks}) over the links of one connected
 * component, on the executor that holds them. The component's records are numbered locally in ascending order of
 * their run-wide indexes and its links kept in the engine's pair order, so ties break as in a single-machine run.
 */
final class ComponentClustering {
    private ComponentClustering() {
    }

    /** A scored link: the packed pair and its match weight. */
    record Link(long pair, float weight) implements Serializable {
    }

    /**
     * Per record of the component in a cluster of several records its cluster's label (the cluster's smallest record
     * index), and the engine's
     * figures: merges refused by a cannot-link, links left out as ambiguous, links refused per contradiction rule.
     */
    record Outcome(int[] records, int[] labels, long refusedMerges, long ambiguousLinks,
                   Map<String, Long> refusedLinks) implements Serializable {
    }

    static Outcome cluster(EngineContext.Engine engine, Scorer scorer, double threshold, Iterable<Link> component) {
        return cluster(engine, scorer, threshold, component, java.util.List.of(), PairConstraint.NONE);
    }

    /**
     * @param mustLink   the must-link groups of the component (run-wide record indexes): joined before any link
     * @param cannotLink the cannot-links, asked with run-wide record indexes
     */
    static Outcome cluster(EngineContext.Engine engine, Scorer scorer, double threshold, Iterable<Link> component,
                           Iterable<int[]> mustLink, PairConstraint cannotLink) {
        Link[] links = toArray(component);
        Arrays.sort(links, (x, y) -> Long.compare(x.pair(), y.pair()));
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        mustLink.forEach(groups::add);
        groups.sort((x, y) -> Integer.compare(x[0], y[0]));
        int grouped = groups.stream().mapToInt(g -> g.length).sum();
        int[] members = new int[links.length * 2 + grouped];
        for (int i = 0; i < links.length; i++) {
            members[2 * i] = CandidatePairs.first(links[i].pair());
            members[2 * i + 1] = CandidatePairs.second(links[i].pair());
        }
        int m = links.length * 2;
        for (int[] g : groups) {
            System.arraycopy(g, 0, members, m, g.length);
            m += g.length;
        }
        members = Arrays.stream(members).sorted().distinct().toArray();
        int[] all = members;
        int[][] localGroups = groups.stream().map(g -> Arrays.stream(g).map(r -> Arrays.binarySearch(all, r))
                .toArray()).toArray(int[][]::new);
        long[] local = new long[links.length];
        float[] weights = new float[links.length];
        for (int i = 0; i < links.length; i++) {
            local[i] = CandidatePairs.pack(Arrays.binarySearch(members, CandidatePairs.first(links[i].pair())),
                    Arrays.binarySearch(members, CandidatePairs.second(links[i].pair())));
            weights[i] = links[i].weight();
        }
        ConstrainedClustering.Result result = MatchEngine.clusterLinks(members.length, members, local, weights,
                threshold, engine.contradictions(), cannotLink, localGroups, scorer,
                CancellationToken.NONE);
        int[] labelOf = new int[result.clusterCount() + 1];
        int[] sizeOf = new int[result.clusterCount() + 1];
        Arrays.fill(labelOf, -1);
        for (int i = 0; i < members.length; i++) {
            int c = result.clusterOf()[i];
            sizeOf[c]++;
            if (labelOf[c] < 0) {
                labelOf[c] = members[i];
            }
        }
        // the members of clusters with more than one record (a record the guard kept apart is a cluster of its own)
        int kept = 0;
        int[] records = new int[members.length];
        int[] labels = new int[members.length];
        for (int i = 0; i < members.length; i++) {
            int c = result.clusterOf()[i];
            if (sizeOf[c] > 1) {
                records[kept] = members[i];
                labels[kept++] = labelOf[c];
            }
        }
        return new Outcome(Arrays.copyOf(records, kept), Arrays.copyOf(labels, kept), result.refusedMerges(),
                result.ambiguousLinks(),
                new java.util.LinkedHashMap<>(result.refusedLinks()));
    }

    private static Link[] toArray(Iterable<Link> links) {
        java.util.List<Link> all = new java.util.ArrayList<>();
        links.forEach(all::add);
        return all.toArray(new Link[0]);
    }
}
