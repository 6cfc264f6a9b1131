package de.grw.matching.cluster;

import de.grw.common.CancellationToken;
import java.util.Arrays;

/**
 * Groups records into clusters from scored pairs, strongest pairs first. Two clusters are joined only if no member
 * of one has a cannot-link with a member of the other: so a chain A-B-C where A and C contradict each other does not
 * drag A and C into one cluster.
 */
public final class ConstrainedClustering {
    private ConstrainedClustering() {
    }

    /**
     * @param recordCount  records in the run
     * @param first        first record of each linking pair
     * @param second       second record of each linking pair
     * @param weight       match weight of each pair (pairs are processed strongest first)
     * @param constraint   cannot-link rule
     * @return per record a cluster number from 1, numbered in order of each cluster's first record
     */
    public static Result cluster(int recordCount, int[] first, int[] second, float[] weight,
                                 PairConstraint constraint, CancellationToken cancel) {
        return cluster(recordCount, first, second, weight, constraint, new int[0][], cancel);
    }

    /**
     * @param mustLink groups of records that belong together whatever the pairs say (records a clerk merged); they
     *                 are joined before any pair is looked at
     */
    public static Result cluster(int recordCount, int[] first, int[] second, float[] weight,
                                 PairConstraint constraint, int[][] mustLink, CancellationToken cancel) {
        // each loop is a method of its own: the JIT compiled this method as an on-stack replacement at every long
        // loop, each time the whole of it (four times in a million-record run)
        int[] parent = new int[recordCount];
        int[][] members = new int[recordCount][];
        for (int i = 0; i < recordCount; i++) {
            parent[i] = i;
        }
        joinMustLinks(parent, members, mustLink);
        long[] order = strongestFirst(weight);
        Arrays.parallelSort(order);
        long refused = mergeInOrder(order, parent, members, first, second, constraint, cancel);
        int[] clusterOf = new int[recordCount];
        int next = numberClusters(parent, clusterOf);
        return new Result(clusterOf, next, refused);
    }

    /** Joins the groups that belong together whatever the pairs say. */
    private static void joinMustLinks(int[] parent, int[][] members, int[][] mustLink) {
        for (int[] group : mustLink) {
            for (int k = 1; k < group.length; k++) {
                int ra = find(parent, group[0]);
                int rb = find(parent, group[k]);
                if (ra == rb) {
                    continue;
                }
                int[] ma = members[ra] == null ? new int[] {ra} : members[ra];
                int[] mb = members[rb] == null ? new int[] {rb} : members[rb];
                int[] merged = java.util.Arrays.copyOf(ma, ma.length + mb.length);
                System.arraycopy(mb, 0, merged, ma.length, mb.length);
                parent[rb] = ra;
                members[ra] = merged;
                members[rb] = null;
            }
        }
    }

    /** Per pair its weight and index in one number that sorts the strongest first (ties in pair order). */
    private static long[] strongestFirst(float[] weight) {
        long[] order = new long[weight.length];
        for (int i = 0; i < order.length; i++) {
            int bits = Float.floatToIntBits(weight[i]);
            bits ^= (bits >> 31) & 0x7fffffff; // now ordered like the floats, as signed ints
            long descending = (long) Integer.MAX_VALUE - bits; // non-negative, strongest first
            order[i] = (descending << 31) | i; // 32 + 31 bits: stays non-negative
        }
        return order;
    }

    /** Joins the pairs' clusters in the given order unless a cannot-link forbids it; returns the refused joins. */
    private static long mergeInOrder(long[] order, int[] parent, int[][] members, int[] first, int[] second,
                                     PairConstraint constraint, CancellationToken cancel) {
        long refused = 0;
        for (int k = 0; k < order.length; k++) {
            if ((k & 0xffff) == 0) {
                cancel.throwIfCancelled();
            }
            int p = (int) (order[k] & 0x7fffffffL);
            int ra = find(parent, first[p]);
            int rb = find(parent, second[p]);
            if (ra == rb) {
                continue;
            }
            int[] ma = members[ra] == null ? new int[] {ra} : members[ra];
            int[] mb = members[rb] == null ? new int[] {rb} : members[rb];
            if (conflict(ma, mb, constraint)) {
                refused++;
                continue;
            }
            int root = ma.length >= mb.length ? ra : rb;
            int other = root == ra ? rb : ra;
            int[] merged = Arrays.copyOf(ma, ma.length + mb.length);
            System.arraycopy(mb, 0, merged, ma.length, mb.length);
            parent[other] = root;
            members[root] = merged;
            members[other] = null;
        }
        return refused;
    }

    /** Numbers the clusters from 1 in the order of their first record; returns how many there are. */
    private static int numberClusters(int[] parent, int[] clusterOf) {
        int[] numberOfRoot = new int[parent.length];
        int next = 0;
        for (int i = 0; i < parent.length; i++) {
            int root = find(parent, i);
            if (numberOfRoot[root] == 0) {
                numberOfRoot[root] = ++next;
            }
            clusterOf[i] = numberOfRoot[root];
        }
        return next;
    }

    private static boolean conflict(int[] a, int[] b, PairConstraint constraint) {
        for (int x : a) {
            for (int y : b) {
                if (constraint.cannotLink(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * @param clusterOf        cluster number per record, from 1
     * @param clusterCount     number of clusters (singletons included)
     * @param refusedMerges    joins refused because of a cannot-link
     * @param ambiguousLinks   links left out because they compete with another link of the same record to a record
     *                         it can never be one person with ({@link AmbiguousLinks})
     * @param refusedLinks     per direct contradiction rule (its label), the pairs at or above the threshold whose link
     *                         it refused, in the profile's order
     */
    public record Result(int[] clusterOf, int clusterCount, long refusedMerges, long ambiguousLinks,
                         java.util.Map<String, Long> refusedLinks) {
        public Result {
            refusedLinks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(refusedLinks));
        }

        public Result(int[] clusterOf, int clusterCount, long refusedMerges) {
            this(clusterOf, clusterCount, refusedMerges, 0, java.util.Map.of());
        }

        /** The same clusters, with the number of links left out as ambiguous. */
        public Result withAmbiguousLinks(long count) {
            return new Result(clusterOf, clusterCount, refusedMerges, count, refusedLinks);
        }

        /** The same clusters, with the links refused by direct contradictions (per rule). */
        public Result withRefusedLinks(java.util.Map<String, Long> byRule) {
            return new Result(clusterOf, clusterCount, refusedMerges, ambiguousLinks, byRule);
        }

        /** Number of clusters with more than one record. */
        public int multiRecordClusters() {
            int[] sizes = new int[clusterCount + 1];
            for (int c : clusterOf) {
                sizes[c]++;
            }
            int n = 0;
            for (int s : sizes) {
                if (s > 1) {
                    n++;
                }
            }
            return n;
        }
    }
}
