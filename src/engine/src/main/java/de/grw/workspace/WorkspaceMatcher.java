package de.grw.workspace;

import de.grw.store.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        MatchResult result = new MatchEngine(profile).run(loaded.table(), options, cannotLink, mustLink, progress,
                cancel);
        return workspace.write(c -> store(c, session, profile, started, ids, loaded.golden(), result));
    }

    private static Loaded load(Connection c, MatchProfile profile) throws SQLException {
        RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size());
        List<Long> ids = new ArrayList<>();
        Map<Long, Integer> sourceIndex = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.id, r.source_id, s.name, r.record_key, r.values_json FROM records r "
                     + "JOIN sources s ON s.id = r.source_id ORDER BY r.id")) {
            while (rs.next()) {
                long sourceId = rs.getLong(2);
                String name = rs.getString(3);
                int index = sourceIndex.computeIfAbsent(sourceId, k -> builder.addSource(name));
                String[] values;
                try {
                    values = JSON.readValue(rs.getString(5), String[].class);
                } catch (java.io.IOException e) {
                    throw new SQLException("record " + rs.getLong(1) + " has unreadable values", e);
                }
                ids.add(rs.getLong(1));
                builder.add(index, rs.getString(4), values);
            }
        }
        List<long[]> golden = new ArrayList<>();
        Map<String, List<Long>> members = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT m.golden_id, m.record_id FROM golden_members m JOIN golden_records g "
                     + "ON g.id = m.golden_id WHERE m.removed_by IS NULL AND g.status = 'ACTIVE' ORDER BY m.golden_id")) {
            while (rs.next()) {
                members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        members.values().forEach(l -> golden.add(l.stream().mapToLong(Long::longValue).sorted().toArray()));
        Set<Long> cannot = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT record_a, record_b FROM cannot_links WHERE revoked_by IS NULL")) {
            while (rs.next()) {
                cannot.add((rs.getLong(1) << 32) | rs.getLong(2));
            }
        }
        return new Loaded(ids.stream().mapToLong(Long::longValue).toArray(), builder.build(), golden, cannot);
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
            Long existing = findCluster(c, fingerprint);
            if (existing != null) {
                reproduced.add(existing);
                unchanged++;
                try (PreparedStatement ps = c.prepareStatement("UPDATE clusters SET last_run = ?, status = CASE WHEN "
                        + "status = 'SUPERSEDED' THEN 'OPEN' ELSE status END WHERE id = ?")) {
                    ps.setLong(1, runId);
                    ps.setLong(2, existing);
                    ps.executeUpdate();
                }
                continue;
            }
            ClusterStatus status = goldenSets.contains(fingerprint) ? ClusterStatus.MERGED : ClusterStatus.OPEN;
            long clusterId = insertCluster(c, fingerprint, runId, status, memberIds.length, min, Math.max(min, max));
            reproduced.add(clusterId);
            if (status == ClusterStatus.OPEN) {
                created++;
            }
            insertMembers(c, clusterId, memberIds);
            insertPairs(c, clusterId, ids, result, pairs);
        }
        int superseded;
        try (PreparedStatement ps = c.prepareStatement("UPDATE clusters SET status = 'SUPERSEDED' WHERE status IN "
                + "('OPEN', 'DEFERRED') AND last_run < ?")) {
            ps.setLong(1, runId);
            superseded = ps.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("run", runId);
        payload.put("records", n);
        payload.put("candidate_pairs", result.pairCount());
        payload.put("threshold", result.threshold());
        payload.put("clusters", clusters);
        payload.put("new_clusters", created);
        payload.put("unchanged_clusters", unchanged);
        payload.put("superseded_clusters", superseded);
        Journal.append(c, workspace.now(), session.user(), "match.run", payload);
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO match_runs(started_at, finished_at, started_by, "
                + "threshold, profile_json, model_json, stats_json) VALUES (?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, started.toString());
            ps.setString(2, workspace.now().toString());
            ps.setString(3, session.user());
            ps.setDouble(4, result.threshold());
            ps.setString(5, ProfileLoader.toJson(profile));
            ps.setString(6, JSON.writeValueAsString(result.model()));
            ps.setString(7, CanonicalJson.write(stats));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long findCluster(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM clusters WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long insertCluster(Connection c, String fingerprint, long runId, ClusterStatus status, int size,
                                      double min, double max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO clusters(fingerprint, first_run, last_run, status, "
                + "size, min_probability, max_probability) VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, fingerprint);
            ps.setLong(2, runId);
            ps.setLong(3, runId);
            ps.setString(4, status.name());
            ps.setInt(5, size);
            ps.setDouble(6, min);
            ps.setDouble(7, max);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Inserts a cluster for a set of records (used by a split); returns its id, or an existing one's. */
    public static long ensureCluster(Connection c, long[] memberIds, long runId) throws SQLException {
        long[] sorted = memberIds.clone();
        Arrays.sort(sorted);
        String fingerprint = fingerprint(sorted);
        Long existing = findCluster(c, fingerprint);
        if (existing != null) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE clusters SET status = 'OPEN' WHERE id = ? AND "
                    + "status = 'SUPERSEDED'")) {
                ps.setLong(1, existing);
                ps.executeUpdate();
            }
            return existing;
        }
        long id = insertCluster(c, fingerprint, runId, ClusterStatus.OPEN, sorted.length, 0.5, 0.5);
        insertMembers(c, id, sorted);
        return id;
    }

    private static void insertMembers(Connection c, long clusterId, long[] memberIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_members(cluster_id, record_id) VALUES (?,?)")) {
            for (long id : memberIds) {
                ps.setLong(1, clusterId);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertPairs(Connection c, long clusterId, long[] ids, MatchResult result, List<Integer> pairs)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_pairs(cluster_id, record_a, record_b, "
                + "probability, weight, explanation_json) VALUES (?,?,?,?,?,?)")) {
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
                ps.setLong(1, clusterId);
                ps.setLong(2, ids[result.first(p)]);
                ps.setLong(3, ids[result.second(p)]);
                ps.setDouble(4, result.probability(p));
                ps.setDouble(5, result.weight(p));
                ps.setString(6, json.toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * The weakest link (lowest linking probability) of every cluster a run proposed, new or reproduced, in cluster
     * order; for a summary of a run by confidence. Holds no personal data.
     */
    public double[] weakestLinks(long runId) {
        return workspace.read(c -> {
            List<Double> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT min_probability FROM clusters WHERE last_run = ? "
                    + "ORDER BY id")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getDouble(1));
                    }
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        });
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
