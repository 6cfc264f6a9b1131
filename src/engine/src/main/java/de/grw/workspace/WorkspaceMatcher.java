package de.grw.workspace;

import de.grw.store.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.cluster.PairConstraint;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;

import de.grw.rights.Permission;
import de.grw.rights.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the matching engine over all records of a workspace and stores the candidate clusters, keeping what clerks
 * decided: records of one golden record stay together, "not a duplicate" pairs stay apart, a cluster that a run
 * reproduces keeps its review state, and only new or changed clusters come to the queue. Records imported after an
 * earlier run are thereby matched against the existing golden records.
 */
public final class WorkspaceMatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkspaceMatcher.class);
    private final Workspace workspace;

    public WorkspaceMatcher(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param runId        the stored run
     * @param records      records matched
     * @param clusters     clusters with more than one record
     * @param newClusters  clusters this run proposed for the first time (now in the queue)
     * @param unchanged    clusters an earlier run proposed already (their review state is kept)
     * @param superseded   open clusters of earlier runs that this run no longer proposes
     * @param result       the engine's result
     */
    public record Result(long runId, int records, int clusters, int newClusters, int unchanged, int superseded,
                         MatchResult result) {
    }

    private record Loaded(long[] ids, RecordTable table, List<long[]> golden, Set<Long> cannotLinks) {
    }

    public Result run(Session session, Double threshold, ProgressListener progress, CancellationToken cancel) {
        session.require(Permission.MATCH, "run_a_match");
        MatchProfile profile = WorkspaceProfile.profile(workspace);
        Instant started = workspace.now();
        Loaded loaded = workspace.read(c -> load(c, profile));
        long[] ids = loaded.ids();
        if (ids.length < 2) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("workspace.too_few"));
        }
        Set<Long> cannot = new HashSet<>();
        for (long packed : loaded.cannotLinks()) {
            int a = Arrays.binarySearch(ids, packed >>> 32);
            int b = Arrays.binarySearch(ids, packed & 0xffffffffL);
            if (a >= 0 && b >= 0) {
                cannot.add(CandidatePairs.pack(a, b));
            }
        }
        PairConstraint cannotLink = (a, b) -> cannot.contains(CandidatePairs.pack(a, b));
        int[][] mustLink = loaded.golden().stream().map(g -> Arrays.stream(g).mapToInt(id -> Arrays.binarySearch(ids,
                id)).filter(i -> i >= 0).toArray()).toArray(int[][]::new);
        MatchOptions options = MatchOptions.defaults().withThreshold(threshold);
        MatchResult result;
        try {
            result = new MatchEngine(profile).run(loaded.table(), options, cannotLink, mustLink, progress, cancel);
        } catch (de.grw.common.CancelledException e) {
            LOG.info("match run by {} cancelled", session.user());
            throw e;
        } catch (RuntimeException e) {
            LOG.error("match run by {} over {} records failed", session.user(), ids.length, e);
            throw e;
        }
        return workspace.write(c -> store(c, session, profile, started, ids, loaded.golden(), result));
    }

    private static Loaded load(Connection c, MatchProfile profile) throws SQLException {
        RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size());
        List<Long> ids = new ArrayList<>();
        Map<Long, Integer> sourceIndex = new HashMap<>();
        MatchRunRepository.eachRecord(c, (id, sourceId, name, key, valuesJson) -> {
            int index = sourceIndex.computeIfAbsent(sourceId, k -> builder.addSource(name));
            String[] values;
            try {
                values = JSON.readValue(valuesJson, String[].class);
            } catch (java.io.IOException e) {
                throw new SQLException("record " + id + " has unreadable values", e);
            }
            ids.add(id);
            builder.add(index, key, values);
        });
        return new Loaded(ids.stream().mapToLong(Long::longValue).toArray(), builder.build(),
                MatchRunRepository.activeGoldenGroups(c), ClusterRepository.activeCannotLinks(c));
    }

    private Result store(Connection c, Session session, MatchProfile profile, Instant started, long[] ids,
                         List<long[]> golden, MatchResult result) throws SQLException {
        long runId = insertRun(c, session, profile, started, result);
        int n = result.recordCount();
        Map<Integer, List<Integer>> byCluster = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byCluster.computeIfAbsent(result.clusterOf(i), k -> new ArrayList<>()).add(i);
        }
        Map<Integer, List<Integer>> pairsByCluster = new HashMap<>();
        for (int p = 0; p < result.pairCount(); p++) {
            int ca = result.clusterOf(result.first(p));
            if (ca == result.clusterOf(result.second(p)) && byCluster.get(ca).size() > 1) {
                pairsByCluster.computeIfAbsent(ca, k -> new ArrayList<>()).add(p);
            }
        }
        Set<String> goldenSets = new HashSet<>();
        for (long[] g : golden) {
            goldenSets.add(fingerprint(g));
        }
        Set<Long> reproduced = new HashSet<>();
        int created = 0;
        int unchanged = 0;
        int clusters = 0;
        for (Map.Entry<Integer, List<Integer>> e : byCluster.entrySet()) {
            List<Integer> members = e.getValue();
            if (members.size() < 2) {
                continue;
            }
            clusters++;
            long[] memberIds = members.stream().mapToLong(i -> ids[i]).sorted().toArray();
            String fingerprint = fingerprint(memberIds);
            List<Integer> pairs = pairsByCluster.getOrDefault(e.getKey(), List.of());
            double min = 1.0;
            double max = 0.0;
            for (int p : pairs) {
                double prob = result.probability(p);
                if (prob >= result.threshold()) {
                    min = Math.min(min, prob);
                }
                max = Math.max(max, prob);
            }
            Long existing = ClusterRepository.find(c, fingerprint);
            if (existing != null) {
                reproduced.add(existing);
                unchanged++;
                ClusterRepository.reproduced(c, existing, runId);
                continue;
            }
            ClusterStatus status = goldenSets.contains(fingerprint) ? ClusterStatus.MERGED : ClusterStatus.OPEN;
            long clusterId = ClusterRepository.insert(c, fingerprint, runId, status, memberIds.length, min,
                    Math.max(min, max));
            reproduced.add(clusterId);
            if (status == ClusterStatus.OPEN) {
                created++;
            }
            ClusterRepository.insertMembers(c, clusterId, memberIds);
            ClusterRepository.insertPairs(c, clusterId, pairs(ids, result, pairs));
        }
        int superseded = ClusterRepository.supersedeNotProposedBy(c, runId);
        Journal.append(c, workspace.now(), session.user(), JournalAction.MATCH_RUN, new WorkspaceEvents.MatchRun(runId,
                n, result.pairCount(), result.threshold(), clusters, created, unchanged, superseded));
        LOG.info("match run {} by {}: {} records, {} candidate pairs, threshold {}, {} clusters ({} new, {} "
                + "unchanged, {} superseded)", runId, session.user(), n, result.pairCount(), result.threshold(),
                clusters, created, unchanged, superseded);
        return new Result(runId, n, clusters, created, unchanged, superseded, result);
    }

    private long insertRun(Connection c, Session session, MatchProfile profile, Instant started, MatchResult result)
            throws SQLException {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("records", result.recordCount());
        stats.put("candidate_pairs", result.pairCount());
        stats.put("pairs_left_out", result.candidates().pairsLeftOut());
        Map<String, Double> seconds = new LinkedHashMap<>();
        result.timings().forEach((k, v) -> seconds.put(k, v.toNanos() / 1e9));
        stats.put("seconds", seconds);
        try {
            return MatchRunRepository.insert(c, started.toString(), workspace.now().toString(), session.user(),
                    result.threshold(), ProfileLoader.toJson(profile), JSON.writeValueAsString(result.model()),
                    CanonicalJson.write(stats));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts a cluster for a set of records (used by a split); returns its id, or an existing one's. */
    public static long ensureCluster(Connection c, long[] memberIds, long runId) throws SQLException {
        return ClusterRepository.ensure(c, memberIds, runId);
    }

    /** A cluster's scored pairs with their explanations, as stored. */
    private static List<ClusterRepository.Pair> pairs(long[] ids, MatchResult result, List<Integer> pairs) {
        List<ClusterRepository.Pair> out = new ArrayList<>(pairs.size());
        for (int p : pairs) {
            StringBuilder json = new StringBuilder(512);
            json.append("{\"prior\":").append(round(result.priorWeight(p))).append(",\"comparisons\":[");
            boolean first = true;
            for (Contribution contribution : result.explain(p)) {
                json.append(first ? "" : ",").append("{\"comparison\":\"").append(contribution.comparison())
                        .append("\",\"level\":\"").append(contribution.level()).append("\",\"weight\":")
                        .append(round(contribution.weight())).append(",\"tf\":")
                        .append(contribution.tfAdjusted());
                if (!Contribution.OTHERS.equals(contribution.versus())) {
                    json.append(",\"versus\":\"").append(contribution.versus()).append('"');
                }
                json.append('}');
                first = false;
            }
            json.append("]}");
            out.add(new ClusterRepository.Pair(ids[result.first(p)], ids[result.second(p)], result.probability(p),
                    result.weight(p), json.toString()));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * The weakest link (lowest linking probability) of every cluster a run proposed, new or reproduced, in cluster
     * order; for a summary of a run by confidence. Holds no personal data.
     */
    public double[] weakestLinks(long runId) {
        return workspace.read(c -> ClusterRepository.weakestLinks(c, runId));
    }

    /** Identity of a member set: SHA-256 over the sorted record ids. */
    public static String fingerprint(long[] sortedIds) {
        StringBuilder sb = new StringBuilder();
        for (long id : sortedIds) {
            sb.append(id).append(',');
        }
        return CanonicalJson.sha256(sb.toString());
    }
}
