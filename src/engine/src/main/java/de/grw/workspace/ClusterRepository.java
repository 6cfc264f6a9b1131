package de.grw.workspace;

import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The candidate clusters in the workspace: written by match runs and splits, moved through their statuses by
 * decisions, with their members, scored pairs and the cannot-links decisions set between records. All SQL about
 * them is here; callers pass the connection of the transaction they run in.
 */
public final class ClusterRepository {
    private ClusterRepository() {
    }

    /** A cluster's status; refuses a cluster that does not exist. */
    public static ClusterStatus status(Connection c, long clusterId) throws SQLException {
        return Sql.first(c, "SELECT status FROM clusters WHERE id = ?", rs -> ClusterStatus.valueOf(rs.getString(1)),
                clusterId).orElseThrow(() -> new de.grw.common.UserFacingException(de.grw.common.Text.of(
                        "review.no_cluster", clusterId)));
    }

    /** The database ids of a cluster's records, ascending. */
    public static List<Long> members(Connection c, long clusterId) throws SQLException {
        return Sql.list(c, "SELECT record_id FROM cluster_members WHERE cluster_id = ? ORDER BY record_id",
                rs -> rs.getLong(1), clusterId);
    }

    /** The note a decision left on a cluster ({@code ""} if none). */
    public static String note(Connection c, long clusterId) throws SQLException {
        return Sql.first(c, "SELECT note FROM clusters WHERE id = ?", rs -> rs.getString(1), clusterId).orElse("");
    }

    /** Sets a cluster's status, and its note unless {@code note} is {@code null}. */
    public static void setStatus(Connection c, long clusterId, ClusterStatus status, String note) throws SQLException {
        if (note == null) {
            Sql.update(c, "UPDATE clusters SET status = ? WHERE id = ?", status, clusterId);
        } else {
            Sql.update(c, "UPDATE clusters SET status = ?, note = ? WHERE id = ?", status, note, clusterId);
        }
    }

    /** Moves a cluster from one status to another; leaves it alone if a later decision moved it elsewhere. */
    public static void setStatusIf(Connection c, long clusterId, ClusterStatus from, ClusterStatus to)
            throws SQLException {
        Sql.update(c, "UPDATE clusters SET status = ? WHERE id = ? AND status = ?", to, clusterId, from);
    }

    /** Takes a cluster out of the queue ({@code SUPERSEDED}) if it is still open or deferred. */
    public static void supersedeIfQueued(Connection c, long clusterId) throws SQLException {
        Sql.update(c, "UPDATE clusters SET status = ? WHERE id = ? AND status IN (?, ?)", ClusterStatus.SUPERSEDED,
                clusterId, ClusterStatus.OPEN, ClusterStatus.DEFERRED);
    }

    /** As {@link #supersedeIfQueued} for many clusters, in one prepared batch. */
    public static void supersedeIfQueued(Connection c, Collection<Long> clusterIds) throws SQLException {
        try (Sql.Batch batch = new Sql.Batch(c, "UPDATE clusters SET status = ? WHERE id = ? AND status IN (?, ?)",
                1000)) {
            for (long id : clusterIds) {
                batch.add(ClusterStatus.SUPERSEDED, id, ClusterStatus.OPEN, ClusterStatus.DEFERRED);
            }
            batch.flush();
        }
    }

    /** How many clusters have one of the statuses. */
    public static int count(Connection c, Collection<ClusterStatus> statuses) throws SQLException {
        if (statuses.isEmpty()) {
            return 0;
        }
        return (int) Sql.number(c, "SELECT count(*) FROM clusters WHERE status IN (" + Sql.marks(statuses.size())
                + ")", Sql.params(statuses));
    }

    /** The id of the latest match run (0 if none). */
    public static long lastRun(Connection c) throws SQLException {
        return Sql.number(c, "SELECT max(id) FROM match_runs");
    }

    /** The cluster with exactly these members (by fingerprint), if a run or a split proposed it before. */
    public static Long find(Connection c, String fingerprint) throws SQLException {
        return Sql.first(c, "SELECT id FROM clusters WHERE fingerprint = ?", rs -> rs.getLong(1), fingerprint)
                .orElse(null);
    }

    /** Inserts a cluster; returns its id. */
    public static long insert(Connection c, String fingerprint, long runId, ClusterStatus status, int size,
                              double minProbability, double maxProbability) throws SQLException {
        return Sql.insert(c, "INSERT INTO clusters(fingerprint, first_run, last_run, status, size, min_probability, "
                + "max_probability) VALUES (?,?,?,?,?,?,?)", fingerprint, runId, runId, status, size, minProbability,
                maxProbability);
    }

    /** A run proposed the cluster again: it keeps its review state, and comes back to the queue if superseded. */
    public static void reproduced(Connection c, long clusterId, long runId) throws SQLException {
        Sql.update(c, "UPDATE clusters SET last_run = ?, status = CASE WHEN status = ? THEN ? ELSE status END "
                + "WHERE id = ?", runId, ClusterStatus.SUPERSEDED, ClusterStatus.OPEN, clusterId);
    }

    /** Open and deferred clusters a run did not propose again leave the queue; returns how many. */
    public static int supersedeNotProposedBy(Connection c, long runId) throws SQLException {
        return Sql.update(c, "UPDATE clusters SET status = ? WHERE status IN (?, ?) AND last_run < ?",
                ClusterStatus.SUPERSEDED, ClusterStatus.OPEN, ClusterStatus.DEFERRED, runId);
    }

    /** Inserts the members of a new cluster. */
    public static void insertMembers(Connection c, long clusterId, long[] memberIds) throws SQLException {
        try (Sql.Batch batch = new Sql.Batch(c, "INSERT INTO cluster_members(cluster_id, record_id) VALUES (?,?)",
                Integer.MAX_VALUE)) {
            var ps = batch.statement();
            for (long id : memberIds) {
                ps.setLong(1, clusterId);
                ps.setLong(2, id);
                batch.added();
            }
        }
    }

    /**
     * A scored pair of a cluster and why it was scored so, as stored: a match run's compact line (see
     * {@link StoredExplanation}), or JSON (prior and per-comparison level and weight; a linking call, runs before
     * the compact form). Readers of {@code cluster_pairs} hand out {@link StoredExplanation#json} of it.
     */
    public record Pair(long recordA, long recordB, double probability, double weight, String explanationJson) {
    }

    /** Inserts the scored pairs of a new cluster. */
    public static void insertPairs(Connection c, long clusterId, List<Pair> pairs) throws SQLException {
        try (Sql.Batch batch = new Sql.Batch(c, "INSERT INTO cluster_pairs(cluster_id, record_a, record_b, "
                + "probability, weight, explanation_json) VALUES (?,?,?,?,?,?)", Integer.MAX_VALUE)) {
            var ps = batch.statement(); // bound by hand: a large run stores millions of pairs
            for (Pair p : pairs) {
                ps.setLong(1, clusterId);
                ps.setLong(2, p.recordA());
                ps.setLong(3, p.recordB());
                ps.setDouble(4, p.probability());
                ps.setDouble(5, p.weight());
                ps.setString(6, p.explanationJson());
                batch.added();
            }
        }
    }

    /** The weakest link of every cluster a run proposed, new or reproduced, in cluster order. */
    public static double[] weakestLinks(Connection c, long runId) throws SQLException {
        return Sql.list(c, "SELECT min_probability FROM clusters WHERE last_run = ? ORDER BY id", rs -> rs.getDouble(1),
                runId).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Inserts a cluster for a set of records (a split's group); returns its id, or an existing one's. */
    public static long ensure(Connection c, long[] memberIds, long runId) throws SQLException {
        long[] sorted = memberIds.clone();
        Arrays.sort(sorted);
        String fingerprint = WorkspaceMatcher.fingerprint(sorted);
        Long existing = find(c, fingerprint);
        if (existing != null) {
            Sql.update(c, "UPDATE clusters SET status = ? WHERE id = ? AND status = ?", ClusterStatus.OPEN, existing,
                    ClusterStatus.SUPERSEDED);
            return existing;
        }
        long id = insert(c, fingerprint, runId, ClusterStatus.OPEN, sorted.length, 0.5, 0.5);
        insertMembers(c, id, sorted);
        return id;
    }

    /**
     * A cluster that stands (in the queue, awaiting approval or merged) with its members, ascending, and its
     * fingerprint as stored (see {@link WorkspaceMatcher#fingerprint}).
     */
    public record Standing(long id, ClusterStatus status, long[] members, String fingerprint) {
    }

    /**
     * The clusters that stand: open, deferred, awaiting approval or merged (not superseded, split or decided apart).
     * An incremental run redoes those a new record lands in and leaves every other one as it is.
     */
    public static List<Standing> standing(Connection c) throws SQLException {
        List<Standing> out = new java.util.ArrayList<>();
        try (var ps = c.prepareStatement("SELECT cl.id, cl.status, cl.fingerprint, m.record_id FROM clusters cl "
                + "JOIN cluster_members m ON m.cluster_id = cl.id WHERE cl.status IN (?, ?, ?, ?) ORDER BY cl.id")) {
            ps.setString(1, ClusterStatus.OPEN.name());
            ps.setString(2, ClusterStatus.DEFERRED.name());
            ps.setString(3, ClusterStatus.AWAITING_APPROVAL.name());
            ps.setString(4, ClusterStatus.MERGED.name());
            ps.setFetchSize(10_000);
            try (var rs = ps.executeQuery()) {
                long current = Long.MIN_VALUE;
                ClusterStatus status = null;
                String fingerprint = null;
                long[] members = new long[8];
                int size = 0;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id != current) {
                        if (size > 0) {
                            out.add(standing(current, status, members, size, fingerprint));
                        }
                        current = id;
                        status = ClusterStatus.valueOf(rs.getString(2));
                        fingerprint = rs.getString(3);
                        size = 0;
                    }
                    if (size == members.length) {
                        members = Arrays.copyOf(members, size * 2);
                    }
                    members[size++] = rs.getLong(4);
                }
                if (size > 0) {
                    out.add(standing(current, status, members, size, fingerprint));
                }
            }
        }
        return out;
    }

    private static Standing standing(long id, ClusterStatus status, long[] members, int size, String fingerprint) {
        long[] sorted = Arrays.copyOf(members, size);
        Arrays.sort(sorted);
        return new Standing(id, status, sorted, fingerprint);
    }

    // ---- cannot-links: "not the same person", set by decisions and respected by every later run ----

    /** Records that two records are not the same person, by a decision. */
    public static void addCannotLink(Connection c, long a, long b, long decisionId) throws SQLException {
        Sql.update(c, "INSERT INTO cannot_links(record_a, record_b, decision_id) VALUES (?,?,?)", Math.min(a, b),
                Math.max(a, b), decisionId);
    }

    /** Revokes the cannot-links a decision set, by the reverting decision. */
    public static void revokeCannotLinks(Connection c, long decisionId, long revertId) throws SQLException {
        Sql.update(c, "UPDATE cannot_links SET revoked_by = ? WHERE decision_id = ? AND revoked_by IS NULL", revertId,
                decisionId);
    }

    /** The cannot-links in force, each as {@code (record_a << 32) | record_b}. */
    public static java.util.Set<Long> activeCannotLinks(Connection c) throws SQLException {
        return new java.util.HashSet<>(Sql.list(c, "SELECT record_a, record_b FROM cannot_links WHERE revoked_by IS "
                + "NULL", rs -> (rs.getLong(1) << 32) | rs.getLong(2)));
    }

    // ---- a match run's writes: many clusters through statements prepared once ----

    /** Opens a writer for the clusters of one run; close it (or {@link Writer#flush()}) before reading them back. */
    public static Writer writer(Connection c) throws SQLException {
        return new Writer(c);
    }

    /**
     * Writes the clusters of a run through statements prepared once and batched (a large run stores hundreds of
     * thousands of clusters and millions of pairs; one statement prepared per cluster cost most of the storing).
     * On SQLite the clusters themselves are batched too: their ids are given here, one above the largest in the
     * table as SQLite would give them (the run's write transaction holds the file, so no one else inserts), and
     * clusters, members and pairs are written in that order (the members' and pairs' foreign keys need the cluster).
     * On PostgreSQL a cluster is inserted on its own and takes its id from the table's identity as before.
     */
    public static final class Writer implements AutoCloseable {
        private static final int BATCH = 5_000;
        private final Connection connection;
        private final java.sql.PreparedStatement find;
        private final java.sql.PreparedStatement insert;
        /** SQLite: the clusters' rows, with their ids; {@code null} on PostgreSQL. */
        private final Sql.Batch clusters;
        private final Sql.Batch reproduced;
        private final Sql.Batch members;
        private final Sql.Batch pairs;
        /** Clusters added to the batch and not yet written, by fingerprint (a look-up must find them). */
        private final java.util.Map<String, Long> unwritten = new java.util.HashMap<>();
        /** The next cluster id to give (SQLite), 0 until the first insert reads the largest. */
        private long nextId;
        /** Rows of clusters, members and pairs batched since the last flush. */
        private int pending;

        private Writer(Connection c) throws SQLException {
            connection = c;
            boolean ownIds = de.grw.store.Dialect.of(c) instanceof de.grw.store.SqliteDialect;
            find = c.prepareStatement("SELECT id FROM clusters WHERE fingerprint = ?");
            insert = ownIds ? null : c.prepareStatement("INSERT INTO clusters(fingerprint, first_run, last_run, "
                    + "status, size, min_probability, max_probability, weakest_pattern) VALUES (?,?,?,?,?,?,?,?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            clusters = ownIds ? new Sql.Batch(c, "INSERT INTO clusters(id, fingerprint, first_run, last_run, status, "
                    + "size, min_probability, max_probability, weakest_pattern) VALUES (?,?,?,?,?,?,?,?,?)",
                    Integer.MAX_VALUE) : null;
            reproduced = new Sql.Batch(c, "UPDATE clusters SET last_run = ?, status = CASE WHEN status = ? THEN ? "
                    + "ELSE status END WHERE id = ?", BATCH);
            // written by flush() only, after the clusters they belong to
            members = new Sql.Batch(c, "INSERT INTO cluster_members(cluster_id, record_id) VALUES (?,?)",
                    Integer.MAX_VALUE);
            pairs = new Sql.Batch(c, "INSERT INTO cluster_pairs(cluster_id, record_a, record_b, probability, weight, "
                    + "explanation_json) VALUES (?,?,?,?,?,?)", Integer.MAX_VALUE);
        }

        /** As {@link ClusterRepository#find}, including the clusters this writer has not written yet. */
        public Long find(String fingerprint) throws SQLException {
            Long batched = unwritten.get(fingerprint);
            if (batched != null) {
                // whatever the caller does with it next (mark it proposed again) needs the row written
                flush();
                return batched;
            }
            find.setString(1, fingerprint);
            try (var rs = find.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }

        /** As {@link ClusterRepository#reproduced} (batched). */
        public void reproduced(long clusterId, long runId) throws SQLException {
            reproduced.add(runId, ClusterStatus.SUPERSEDED, ClusterStatus.OPEN, clusterId);
        }

        /**
         * Inserts a cluster with its members and scored pairs, and the comparison vector of its weakest link
         * ({@code null}: not known); returns its id.
         */
        public long insert(String fingerprint, long runId, ClusterStatus status, double minProbability,
                           double maxProbability, long[] memberIds, List<Pair> clusterPairs, Long weakestPattern)
                throws SQLException {
            long id;
            if (clusters != null) {
                if (nextId == 0) {
                    nextId = Sql.number(connection, "SELECT COALESCE(max(id), 0) FROM clusters") + 1;
                }
                id = nextId++;
                Sql.bind(clusters.statement(), id, fingerprint, runId, runId, status, memberIds.length,
                        minProbability, maxProbability, weakestPattern);
                clusters.added();
                unwritten.put(fingerprint, id);
            } else {
                Sql.bind(insert, fingerprint, runId, runId, status, memberIds.length, minProbability,
                        maxProbability, weakestPattern);
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no key generated for a cluster");
                    }
                    id = keys.getLong(1);
                }
            }
            var m = members.statement();
            for (long record : memberIds) {
                m.setLong(1, id);
                m.setLong(2, record);
                members.added();
            }
            var ps = pairs.statement();
            for (Pair p : clusterPairs) {
                ps.setLong(1, id);
                ps.setLong(2, p.recordA());
                ps.setLong(3, p.recordB());
                ps.setDouble(4, p.probability());
                ps.setDouble(5, p.weight());
                ps.setString(6, p.explanationJson());
                pairs.added();
            }
            pending += 1 + memberIds.length + clusterPairs.size();
            if (pending >= BATCH) {
                flush();
            }
            return id;
        }

        /** Writes what is batched: the clusters first, then what refers to them. */
        public void flush() throws SQLException {
            if (clusters != null) {
                clusters.flush();
            }
            unwritten.clear();
            reproduced.flush();
            members.flush();
            pairs.flush();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            try (find; reproduced; members; pairs) {
                flush();
            } finally {
                if (insert != null) {
                    insert.close();
                }
                if (clusters != null) {
                    clusters.close();
                }
            }
        }
    }

    /** The weakest link's probability of a cluster ({@code absent} when there is no such cluster). */
    public static double minProbability(Connection c, long clusterId, double absent) throws SQLException {
        return Sql.first(c, "SELECT min_probability FROM clusters WHERE id = ?", rs -> rs.getDouble(1), clusterId)
                .orElse(absent);
    }

    /** The names of the sources of a cluster's records, in import order. */
    public static List<String> sourceNames(Connection c, long clusterId) throws SQLException {
        return Sql.list(c, "SELECT s.name FROM sources s WHERE s.id IN (SELECT r.source_id FROM "
                + de.grw.store.Dialect.of(c).membersToRecords() + " WHERE m.cluster_id = ?) ORDER BY s.id",
                rs -> rs.getString(1), clusterId);
    }

    /** The least probable pair of a cluster: record a, record b, probability, explanation JSON. */
    public static java.util.Optional<Object[]> weakestPair(Connection c, long clusterId) throws SQLException {
        return Sql.first(c, "SELECT record_a, record_b, probability, explanation_json FROM cluster_pairs "
                + "WHERE cluster_id = ? ORDER BY probability, record_a, record_b LIMIT 1", rs -> new Object[] {
                    rs.getLong(1), rs.getLong(2), rs.getDouble(3), StoredExplanation.json(rs.getString(4))}, clusterId);
    }
}
