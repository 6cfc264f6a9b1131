package de.grw.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.matching.MatchResult;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores what a match run found: the run, its clusters (a cluster an earlier run proposed keeps its id and review
 * state, a new one comes to the queue, a queued one the run no longer proposes leaves it) and the run's journal
 * entry. Clusters are written through one {@link ClusterRepository.Writer}.
 */
final class MatchResultStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkspaceMatcher.class);
    private final Workspace workspace;
    /** Seconds of the steps of the last incremental store (selecting, clusters, superseding), for benchmarks. */
    final Map<String, Double> steps = new LinkedHashMap<>();

    MatchResultStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** One proposed cluster of a result: its members (record ids, ascending), pairs and weakest/strongest link. */
    private record Proposed(long[] memberIds, List<Integer> pairs, double min, double max) {
    }

    /**
     * The clusters of a result with more than one record; only those with a record {@code wanted} (null: all), in
     * the order of their cluster numbers. Grouped with arrays over the cluster numbers: an incremental run, whose
     * result leaves most records single, pays no map entry per record.
     */
    private static List<Proposed> proposed(long[] ids, MatchResult result, boolean[] wanted) {
        int n = result.recordCount();
        int max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, result.clusterOf(i));
        }
        int[] size = new int[max + 1];
        for (int i = 0; i < n; i++) {
            size[result.clusterOf(i)]++;
        }
        boolean[] want = new boolean[max + 1];
        for (int i = 0; i < n; i++) {
            int c = result.clusterOf(i);
            want[c] |= size[c] > 1 && (wanted == null || wanted[i]);
        }
        int[][] members = new int[max + 1][];
        int[] filled = new int[max + 1];
        for (int i = 0; i < n; i++) {
            int c = result.clusterOf(i);
            if (want[c]) {
                if (members[c] == null) {
                    members[c] = new int[size[c]];
                }
                members[c][filled[c]++] = i;
            }
        }
        List<List<Integer>> pairsOf = new ArrayList<>(java.util.Collections.nCopies(max + 1, null));
        for (int p = 0; p < result.pairCount(); p++) {
            int ca = result.clusterOf(result.first(p));
            if (want[ca] && ca == result.clusterOf(result.second(p))) {
                List<Integer> l = pairsOf.get(ca);
                if (l == null) {
                    l = new ArrayList<>();
                    pairsOf.set(ca, l);
                }
                l.add(p);
            }
        }
        List<Proposed> out = new ArrayList<>();
        for (int c = 0; c <= max; c++) {
            if (!want[c]) {
                continue;
            }
            List<Integer> pairs = pairsOf.get(c) == null ? List.of() : pairsOf.get(c);
            double min = 1.0;
            double max2 = 0.0;
            for (int p : pairs) {
                double prob = result.probability(p);
                if (prob >= result.threshold()) {
                    min = Math.min(min, prob);
                }
                max2 = Math.max(max2, prob);
            }
            out.add(new Proposed(Arrays.stream(members[c]).mapToLong(i -> ids[i]).sorted().toArray(), pairs, min,
                    Math.max(min, max2)));
        }
        return out;
    }

    /** Stores a proposed cluster unless it exists; returns its id and whether it is new and open. */
    private static long[] storeCluster(ClusterRepository.Writer writer, long runId, long[] ids, MatchResult result,
                                       Proposed p, Set<String> goldenSets) throws SQLException {
        String fingerprint = WorkspaceMatcher.fingerprint(p.memberIds());
        Long existing = writer.find(fingerprint);
        if (existing != null) {
            writer.reproduced(existing, runId);
            return new long[] {existing, 0};
        }
        ClusterStatus status = goldenSets.contains(fingerprint) ? ClusterStatus.MERGED : ClusterStatus.OPEN;
        long clusterId = writer.insert(fingerprint, runId, status, p.min(), p.max(), p.memberIds(),
                pairs(ids, result, p.pairs()), weakestPattern(ids, result, p.pairs()));
        return new long[] {clusterId, status == ClusterStatus.OPEN ? 2 : 1};
    }

    private static Set<String> goldenSets(List<long[]> golden) {
        Set<String> out = new HashSet<>();
        for (long[] g : golden) {
            out.add(WorkspaceMatcher.fingerprint(g));
        }
        return out;
    }

    WorkspaceMatcher.Result store(Connection c, Session session, long runId, WorkspaceMatcher.Kind kind,
                                  int version, int newRecords, long[] ids, List<long[]> golden, MatchResult result) throws SQLException {
        Counts counts = storeClusters(c, runId, ids, result, null, goldenSets(golden), null);
        int superseded = ClusterRepository.supersedeNotProposedBy(c, runId);
        return journal(c, session, runId, kind, version, newRecords, result, counts.clusters(), counts.created(),
                counts.unchanged(), superseded);
    }

    /** How many clusters a run stored, how many of them are new and how many a run proposed before unchanged. */
    private record Counts(int clusters, int created, int unchanged) {
    }

    /**
     * Stores the result's clusters (only those holding an {@code only} record, when given) through one writer;
     * the ids of the stored or kept clusters go into {@code kept} when given.
     */
    private Counts storeClusters(Connection c, long runId, long[] ids, MatchResult result, boolean[] only,
                                 Set<String> goldenSets, Set<Long> kept) throws SQLException {
        int created = 0;
        int unchanged = 0;
        int clusters = 0;
        try (ClusterRepository.Writer writer = ClusterRepository.writer(c)) {
            for (Proposed p : proposed(ids, result, only)) {
                clusters++;
                long[] stored = storeCluster(writer, runId, ids, result, p, goldenSets);
                if (kept != null) {
                    kept.add(stored[0]);
                }
                created += stored[1] == 2 ? 1 : 0;
                unchanged += stored[1] == 0 ? 1 : 0;
            }
        }
        return new Counts(clusters, created, unchanged);
    }

    /**
     * Stores an incremental run: the clusters of the result that hold a new or affected record are stored (or kept,
     * if a run proposed them before); standing open or deferred clusters of affected records that the run no longer
     * proposes leave the queue. Every other cluster is left exactly as it is.
     *
     * @param standingMembers each of {@code loaded}'s standing clusters' members as table indexes, in the same order
     *                        ({@link WorkspaceMatcher#standingIndexes})
     */
    WorkspaceMatcher.Result storeIncremental(Connection c, Session session, long runId, int version, int newRecords,
                                    long[] ids, boolean[] isNew, WorkspaceLoader.Loaded loaded,
                                    int[][] standingMembers, MatchResult result) throws SQLException {
        long t0 = System.nanoTime();
        Set<String> goldenSets = goldenSets(loaded.golden());
        // the records whose clusters this run redoes: those in a cluster with a new record, and then those in a
        // cluster with a record of a standing cluster that loses a member to it (that cluster gives way)
        int n = ids.length;
        boolean[] redone = inClustersOf(isNew, result);
        boolean[] second = redone.clone();
        for (int[] members : standingMembers) {
            if (anyOf(members, redone)) {
                for (int i : members) {
                    second[i] = true;
                }
            }
        }
        System.arraycopy(inClustersOf(second, result), 0, redone, 0, n);
        Set<Long> kept = new HashSet<>();
        long t1 = System.nanoTime();
        Counts counts = perCluster ? storeClusters(c, runId, ids, result, redone, goldenSets, kept)
                : storeRedone(c, runId, ids, result, redone, goldenSets, loaded.standing(), kept);
        long t2 = System.nanoTime();
        int superseded = 0;
        List<Long> leaving = new ArrayList<>();
        List<ClusterRepository.Standing> standing = loaded.standing();
        for (int k = 0; k < standing.size(); k++) {
            ClusterRepository.Standing s = standing.get(k);
            if (kept.contains(s.id()) || (s.status() != ClusterStatus.OPEN && s.status() != ClusterStatus.DEFERRED)) {
                continue;
            }
            if (anyOf(standingMembers[k], redone)) {
                leaving.add(s.id());
                superseded++;
            }
        }
        ClusterRepository.supersedeIfQueued(c, leaving);
        steps.put("storing: selecting", (t1 - t0) / 1e9);
        steps.put("storing: clusters", (t2 - t1) / 1e9);
        steps.put("storing: superseding", (System.nanoTime() - t2) / 1e9);
        return journal(c, session, runId, WorkspaceMatcher.Kind.INCREMENTAL, version, newRecords, result,
                counts.clusters(), counts.created(), counts.unchanged(), superseded);
    }


    /**
     * Main's way of storing an incremental run's clusters (a look-up by fingerprint per cluster, in the result's
     * order), kept for tests that check {@link #storeRedone} leaves the same clusters behind.
     */
    static boolean perCluster = false;

    /**
     * Stores the redone clusters of an incremental run; leaves the clusters the same as {@link #storeClusters} does
     * (new clusters inserted in the same order, so with the same ids), but cheaper: a redone cluster that stands
     * already (most of them: a new record leaves most clusters it reaches as they were) is found by its fingerprint
     * among the loaded standing clusters instead of a look-up in the store; the rest are looked up in fingerprint
     * order (the index's pages in turn) and the clusters proposed again are marked in id order (the table's pages in
     * turn), not in the result's order which jumps over the whole table.
     */
    private Counts storeRedone(Connection c, long runId, long[] ids, MatchResult result, boolean[] redone,
                               Set<String> goldenSets, List<ClusterRepository.Standing> standing, Set<Long> kept)
            throws SQLException {
        long t0 = System.nanoTime();
        Map<String, Long> standingIds = new java.util.HashMap<>();
        for (ClusterRepository.Standing s : standing) {
            int i = WorkspaceMatcher.indexOf(ids, s.members()[0]);
            if (i >= 0 && redone[i]) { // a cluster the run proposes again has all its members redone
                standingIds.put(s.fingerprint(), s.id());
            }
        }
        List<Proposed> proposed = proposed(ids, result, redone);
        String[] fingerprints = new String[proposed.size()];
        Long[] existing = new Long[proposed.size()];
        List<Integer> unknown = new ArrayList<>();
        for (int k = 0; k < fingerprints.length; k++) {
            fingerprints[k] = WorkspaceMatcher.fingerprint(proposed.get(k).memberIds());
            existing[k] = standingIds.get(fingerprints[k]);
            if (existing[k] == null) {
                unknown.add(k);
            }
        }
        unknown.sort(java.util.Comparator.comparing(k -> fingerprints[k]));
        int created = 0;
        long t1 = System.nanoTime();
        long t2;
        long tInserted;
        long explaining = 0;
        try (ClusterRepository.Writer writer = ClusterRepository.writer(c)) {
            for (int k : unknown) { // a superseded, split or rejected cluster a run proposed before, if any
                existing[k] = writer.find(fingerprints[k]);
            }
            t2 = System.nanoTime();
            List<Long> reproduced = new ArrayList<>();
            for (int k = 0; k < fingerprints.length; k++) {
                if (existing[k] != null) {
                    reproduced.add(existing[k]);
                    kept.add(existing[k]);
                    continue;
                }
                Proposed p = proposed.get(k);
                ClusterStatus status = goldenSets.contains(fingerprints[k]) ? ClusterStatus.MERGED
                        : ClusterStatus.OPEN;
                long e0 = System.nanoTime();
                List<ClusterRepository.Pair> pairs = pairs(ids, result, p.pairs());
                explaining += System.nanoTime() - e0;
                kept.add(writer.insert(fingerprints[k], runId, status, p.min(), p.max(), p.memberIds(), pairs,
                        weakestPattern(ids, result, p.pairs())));
                created += status == ClusterStatus.OPEN ? 1 : 0;
            }
            writer.flush();
            tInserted = System.nanoTime();
            reproduced.sort(null);
            for (long id : reproduced) {
                writer.reproduced(id, runId);
            }
        }
        long t3 = System.nanoTime();
        steps.put("storing: known", (t1 - t0) / 1e9);
        steps.put("storing: look-ups", (t2 - t1) / 1e9);
        steps.put("storing: inserting", (tInserted - t2) / 1e9);
        steps.put("storing: explaining pairs", explaining / 1e9);
        steps.put("storing: marking proposed again", (t3 - tInserted) / 1e9);
        return new Counts(fingerprints.length, created, fingerprints.length - unknown.size()
                + (int) unknown.stream().filter(k -> existing[k] != null).count());
    }

    /** Whether one of the records is marked. */
    private static boolean anyOf(int[] records, boolean[] marked) {
        for (int i : records) {
            if (marked[i]) {
                return true;
            }
        }
        return false;
    }

    /** The records in a result cluster with a marked record. */
    private static boolean[] inClustersOf(boolean[] marked, MatchResult result) {
        int n = marked.length;
        int max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, result.clusterOf(i));
        }
        boolean[] clusters = new boolean[max + 1];
        for (int i = 0; i < n; i++) {
            clusters[result.clusterOf(i)] |= marked[i];
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = clusters[result.clusterOf(i)];
        }
        return out;
    }

    private WorkspaceMatcher.Result journal(Connection c, Session session, long runId, WorkspaceMatcher.Kind kind, int version, int newRecords,
                           MatchResult result, int clusters, int created, int unchanged, int superseded)
            throws SQLException {
        int n = result.recordCount();
        Journal.append(c, workspace.now(), session.user(), JournalAction.MATCH_RUN, new WorkspaceEvents.MatchRun(runId,
                n, result.candidatePairCount(), result.threshold(), clusters, created, unchanged, superseded, kind.code(),
                version, newRecords));
        LOG.info("match run {} ({}, model {}) by {}: {} records ({} new), {} candidate pairs, threshold {}, {} "
                + "clusters ({} new, {} unchanged, {} superseded)", runId, kind.code(), version, session.user(), n,
                newRecords, result.candidatePairCount(), result.threshold(), clusters, created, unchanged, superseded);
        return new WorkspaceMatcher.Result(runId, n, clusters, created, unchanged, superseded, result, kind, version,
                newRecords,
                result.threshold());
    }

    long insertRun(Connection c, Session session, MatchProfile profile, Instant started, MatchResult result,
                   de.grw.matching.cluster.ThresholdSweep.Figures figures) throws SQLException {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("records", result.recordCount());
        stats.put("candidate_pairs", result.candidatePairCount());
        stats.put("pairs_left_out", result.candidates().pairsLeftOut());
        Map<String, Double> seconds = new LinkedHashMap<>();
        result.timings().forEach((k, v) -> seconds.put(k, v.toNanos() / 1e9));
        stats.put("seconds", seconds);
        stats.put(ThresholdFiguresRepository.KEY, ThresholdFiguresRepository.toJson(figures));
        try {
            return MatchRunRepository.insert(c, started.toString(), workspace.now().toString(), session.user(),
                    result.threshold(), ProfileLoader.toJson(profile), JSON.writeValueAsString(result.model()),
                    CanonicalJson.write(stats));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }


    /** A cluster's scored pairs with their explanations, as stored (compact, see {@link StoredExplanation}). */
    /**
     * The comparison vector of a cluster's weakest link: the pair the queue shows ({@link
     * ClusterRepository#weakestPair}: least probable, then by record ids); {@code null} without pairs.
     */
    static Long weakestPattern(long[] ids, MatchResult result, List<Integer> pairs) {
        int best = -1;
        for (int p : pairs) {
            if (best < 0 || weaker(ids, result, p, best)) {
                best = p;
            }
        }
        return best < 0 ? null : result.pattern(best);
    }

    private static boolean weaker(long[] ids, MatchResult result, int p, int than) {
        int byProbability = Double.compare(result.probability(p), result.probability(than));
        if (byProbability != 0) {
            return byProbability < 0;
        }
        long a = Math.min(ids[result.first(p)], ids[result.second(p)]);
        long b = Math.min(ids[result.first(than)], ids[result.second(than)]);
        if (a != b) {
            return a < b;
        }
        return Math.max(ids[result.first(p)], ids[result.second(p)])
                < Math.max(ids[result.first(than)], ids[result.second(than)]);
    }

    private static List<ClusterRepository.Pair> pairs(long[] ids, MatchResult result, List<Integer> pairs) {
        List<ClusterRepository.Pair> out = new ArrayList<>(pairs.size());
        for (int p : pairs) {
            String explanation = compact
                    ? StoredExplanation.encode(result.priorWeight(p), result.explain(p))
                    : StoredExplanation.jsonOf(result.priorWeight(p), result.explain(p));
            out.add(new ClusterRepository.Pair(ids[result.first(p)], ids[result.second(p)], result.probability(p),
                    result.weight(p), explanation));
        }
        return out;
    }

    /**
     * Whether runs store explanations compact ({@link StoredExplanation}); off only for tests that compare with the
     * JSON stored before.
     */
    static boolean compact = true;

}
