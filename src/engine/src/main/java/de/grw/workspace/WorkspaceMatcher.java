package de.grw.workspace;

import de.grw.store.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.blocking.KeyCache;
import de.grw.matching.blocking.RecordKeys;
import de.grw.matching.cluster.PairConstraint;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the matching engine over all records of a workspace and stores the candidate clusters, keeping what clerks
 * decided: records of one golden record stay together, "not a duplicate" pairs stay apart, a cluster that a run
 * reproduces keeps its review state, and only new or changed clusters come to the queue. Records imported after an
 * earlier run are thereby matched against the existing golden records. The records matched before are read out of
 * the {@link RecordSnapshot} the previous run left (only the records appended since come from the records table),
 * and each run adds what it read to it; without a valid snapshot a run reads all records, with the same result.
 */
public final class WorkspaceMatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkspaceMatcher.class);
    private final Workspace workspace;
    private final boolean useSnapshot;
    /** Seconds of the last run's steps (reading, matching, storing, snapshot), for benchmarks. */
    private volatile Map<String, Double> lastRunSeconds = Map.of();
    /** How new model versions are trained (the unsupervised EM unless a learning trainer is set). */
    private volatile ModelTrainer trainer = ModelTrainer.EM;

    public WorkspaceMatcher(Workspace workspace) {
        this(workspace, true);
    }

    /**
     * @param useSnapshot whether runs read the records out of the {@link RecordSnapshot} and keep it up to date
     *                    (always, but for tests and benchmarks that compare with a run without it)
     */
    public WorkspaceMatcher(Workspace workspace, boolean useSnapshot) {
        this.workspace = workspace;
        this.useSnapshot = useSnapshot;
    }

    /** Trains new model versions with {@code trainer} from now on (the learning from decisions, issue 15). */
    public WorkspaceMatcher withTrainer(ModelTrainer trainer) {
        this.trainer = java.util.Objects.requireNonNull(trainer, "trainer");
        return this;
    }

    /** How a run matched. */
    public enum Kind {
        /** The model was estimated (the first run, a deliberate re-estimation, or a changed profile); all pairs. */
        ESTIMATED,
        /** All pairs scored with the active model (a threshold other than the last run's). */
        FULL,
        /** Only pairs that involve records new since the last run, scored with the active model. */
        INCREMENTAL,
        /** Nothing new since the last run: nothing compared, nothing stored, nothing changed. */
        NOTHING_NEW;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param runId        the stored run (for {@link Kind#NOTHING_NEW} the last one)
     * @param records      records matched
     * @param clusters     clusters with more than one record (of an incremental run: those it redid; when nothing
     *                     was new: those of the last run, all unchanged)
     * @param newClusters  clusters this run proposed for the first time (now in the queue)
     * @param unchanged    clusters an earlier run proposed already (their review state is kept)
     * @param superseded   open clusters of earlier runs that this run no longer proposes
     * @param result       the engine's result ({@code null} when nothing was new)
     * @param kind         how the run matched
     * @param modelVersion the version of the model that scored it
     * @param newRecords   records new since the last run
     * @param threshold    the probability from which two records were linked
     */
    public record Result(long runId, int records, int clusters, int newClusters, int unchanged, int superseded,
                         MatchResult result, Kind kind, int modelVersion, int newRecords, double threshold) {
    }

    /** Matches with the active model, incrementally when possible; see {@link #run(Session, Double, boolean, ...)}. */
    public Result run(Session session, Double threshold, ProgressListener progress, CancellationToken cancel) {
        return run(session, threshold, false, progress, cancel);
    }

    /**
     * Matches the workspace. Without an active model (the first run, or a workspace from before schema 5), with a
     * profile the active model was not estimated for, or when {@code reestimate} is asked for, the model is
     * estimated over all records and stored as a new version (journalled), and all pairs are scored. Otherwise the
     * active model scores: with the threshold of the last run, only pairs that involve records new since that run
     * are compared and only clusters a new record lands in are redone (the others keep id, status and queue place);
     * with another threshold all pairs are scored again with the same model.
     */
    public Result run(Session session, Double threshold, boolean reestimate, ProgressListener progress,
                      CancellationToken cancel) {
        return run(session, threshold, reestimate, false, progress, cancel);
    }

    /**
     * Matches all pairs again with the active model (no re-estimation): what an incremental run is measured against,
     * and a way to redo every cluster without moving the model. Estimates one if there is none.
     */
    public Result runFull(Session session, Double threshold, ProgressListener progress, CancellationToken cancel) {
        return run(session, threshold, false, true, progress, cancel);
    }

    private Result run(Session session, Double threshold, boolean reestimate, boolean full, ProgressListener progress,
                       CancellationToken cancel) {
        session.require(Permission.MATCH, "run_a_match");
        MatchProfile profile = WorkspaceProfile.profile(workspace);
        String profileJson = ProfileLoader.toJson(profile);
        Instant started = workspace.now();
        long loadStart = System.nanoTime();
        String snapshot = RecordSnapshot.fingerprint(profileJson);
        WorkspaceLoader.Loaded loaded = workspace.read(c -> WorkspaceLoader.load(c, profile,
                useSnapshot ? snapshot : null));
        long engineStart = System.nanoTime();
        long[] ids = loaded.ids();
        if (ids.length < 2) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("workspace.too_few"));
        }
        PairConstraint cannotLink = cannotLink(loaded);
        int[][] mustLink = mustLink(loaded);
        MatchOptions options = MatchOptions.defaults().withThreshold(threshold);
        double effective = threshold != null ? threshold : profile.threshold();
        ModelRepository.ActiveModel active = loaded.active();
        String reason = active == null ? "first"
                : !sameProfile(active.profileJson(), profileJson) ? "profile_changed" : null;
        if (reestimate && reason == null) {
            // a new version is trained, but scores nothing until a supervisor activates it: this run uses the active
            new WorkspaceTrainer(workspace, useSnapshot, trainer).train(session, profile, profileJson, loaded, null,
                    progress, cancel);
        }
        ModelRepository.LastRun last = loaded.lastRun();
        Kind kind = reason != null ? Kind.ESTIMATED
                : full || last == null || last.lastRecordId() == null || last.threshold() != effective
                // a supervisor activated another version since the last run (or went back): all pairs with it
                || !java.util.Objects.equals(last.modelVersion(), active.version()) ? Kind.FULL
                : Kind.INCREMENTAL;
        boolean[] isNew = new boolean[ids.length];
        int newRecords = 0;
        for (int i = 0; i < ids.length; i++) {
            isNew[i] = kind != Kind.INCREMENTAL || ids[i] > last.lastRecordId();
            newRecords += isNew[i] ? 1 : 0;
        }
        if (kind == Kind.INCREMENTAL && newRecords == 0) {
            LOG.info("match by {}: nothing new since run {}, nothing changed", session.user(), last.runId());
            writeSnapshot(snapshot, loaded, null, null);
            int standing = weakestLinks(last.runId()).length;
            return new Result(last.runId(), ids.length, standing, 0, standing, 0, null, Kind.NOTHING_NEW,
                    active.version(), 0, last.threshold());
        }
        MatchResult result;
        ModelTrainer.Trained trained = null;
        List<Long> inEffect = kind == Kind.ESTIMATED ? workspace.read(ModelTraining::decisionsInEffect) : List.of();
        // the kept keys of the records read from the snapshot; the engine computes the others' and leaves them here
        KeyCache keyCache = useSnapshot ? new KeyCache(loaded.keys()) : null;
        // the standing clusters' members as table indexes, found once for finding the affected records and storing
        int[][] standingMembers = kind == Kind.ESTIMATED ? null : standingIndexes(loaded);
        try {
            if (kind == Kind.ESTIMATED) {
                // a version that scores at once (no usable model yet) is the unsupervised EM's: a model trained
                // from decisions always waits for a second supervisor's activation (four eyes)
                trained = ModelTrainer.EM.train(new ModelTrainer.Input(profile, loaded.table(), ids, cannotLink,
                        mustLink, inEffect, keyCache), options, progress, cancel);
                result = trained.result();
            } else {
                result = new de.grw.matching.IncrementalMatch(profile).runWithModel(loaded.table(), active.model(), options, isNew,
                        touched -> affected(touched, ids, loaded, standingMembers), cannotLink, mustLink, keyCache,
                        useSnapshot ? loaded.normalised() : null, progress, cancel);
            }
        } catch (de.grw.common.CancelledException e) {
            LOG.info("match run by {} cancelled", session.user());
            throw e;
        } catch (RuntimeException e) {
            LOG.error("match run by {} over {} records failed", session.user(), ids.length, e);
            throw e;
        }
        int news = newRecords;
        ModelTrainer.Trained fromTraining = trained;
        long storeStart = System.nanoTime();
        de.grw.matching.cluster.ThresholdSweep.Figures figures = result.thresholdFigures(
                de.grw.matching.cluster.ThresholdSweep.candidates(result.threshold()));
        MatchResultStore store = new MatchResultStore(workspace);
        Result stored = workspace.write(c -> de.grw.store.Dialect.of(c).withBulkCache(c, cc -> {
            long runId = store.insertRun(c, session, profile, started, result, figures);
            int version;
            if (kind == Kind.ESTIMATED) {
                version = ModelTraining.store(c, workspace, session, runId, ids.length, profileJson,
                        fromTraining.model(), fromTraining.quality(), reason,
                        ModelTraining.inputs(ModelTrainer.EM.method(), reason, ids, inEffect,
                                fromTraining.decisionsUsed(), profileJson), true);
                if (result.kept() != null) {
                    KeptPatternsRepository.keep(c, runId, started.toString(), profileJson, ids,
                            result.kept());
                }
            } else {
                version = active.version();
            }
            ModelRepository.describeRun(c, runId, kind.code(), version, ids[ids.length - 1]);
            return kind == Kind.INCREMENTAL
                    ? store.storeIncremental(c, session, runId, version, news, ids, isNew, loaded,
                            standingMembers, result)
                    : store.store(c, session, runId, kind, version, news, ids, loaded.golden(), result);
        }));
        long snapshotStart = System.nanoTime();
        writeSnapshot(snapshot, loaded, keyCache, result.records());
        Map<String, Double> steps = new java.util.LinkedHashMap<>();
        steps.put("reading", (engineStart - loadStart) / 1e9);
        steps.put("matching", (storeStart - engineStart) / 1e9);
        steps.put("storing", (snapshotStart - storeStart) / 1e9);
        steps.put("snapshot", (System.nanoTime() - snapshotStart) / 1e9);
        steps.putAll(store.steps);
        lastRunSeconds = java.util.Collections.unmodifiableMap(steps);
        LOG.info("match run {} ({}): reading the workspace {} s ({} of {} records from the snapshot), matching {} s, "
                + "storing {} s, snapshot {} s", stored.runId(), kind.code(), seconds(engineStart - loadStart),
                loaded.fromSnapshot(), ids.length, seconds(storeStart - engineStart),
                seconds(snapshotStart - storeStart), seconds(System.nanoTime() - snapshotStart));
        return stored;
    }

    /**
     * Trains a new model version over all records of the workspace with the {@link ModelTrainer} and stores it with
     * its inputs and estimated quality (journalled); see {@link WorkspaceTrainer#train(Session, ProgressListener,
     * CancellationToken)}.
     *
     * @return the new version
     */
    public int train(Session session, ProgressListener progress, CancellationToken cancel) {
        return new WorkspaceTrainer(workspace, useSnapshot, trainer).train(session, progress, cancel);
    }

    static PairConstraint cannotLink(WorkspaceLoader.Loaded loaded) {
        long[] ids = loaded.ids();
        Set<Long> cannot = new HashSet<>();
        for (long packed : loaded.cannotLinks()) {
            int a = Arrays.binarySearch(ids, packed >>> 32);
            int b = Arrays.binarySearch(ids, packed & 0xffffffffL);
            if (a >= 0 && b >= 0) {
                cannot.add(CandidatePairs.pack(a, b));
            }
        }
        return (a, b) -> cannot.contains(CandidatePairs.pack(a, b));
    }

    static int[][] mustLink(WorkspaceLoader.Loaded loaded) {
        long[] ids = loaded.ids();
        return loaded.golden().stream().map(g -> Arrays.stream(g).mapToInt(id -> Arrays.binarySearch(ids,
                id)).filter(i -> i >= 0).toArray()).toArray(int[][]::new);
    }

    /** Seconds of the steps of this matcher's last run (reading, matching, storing, snapshot); empty before one. */
    public Map<String, Double> lastRunSeconds() {
        return lastRunSeconds;
    }

    /**
     * Adds the records this run read from the records table to the {@link RecordSnapshot} (all of them when it had
     * none), with their blocking keys and normalised values where the run has them. A failure is logged and costs the next run only time: the snapshot is derived data.
     */
    private void writeSnapshot(String fingerprint, WorkspaceLoader.Loaded loaded, KeyCache keyCache,
                               de.grw.matching.data.PreparedRecords prepared) {
        if (!useSnapshot) {
            return;
        }
        // the run's normalised values are kept with the records (when they are of this run's table)
        de.grw.matching.data.PreparedRecords normalised = prepared != null && prepared.table() == loaded.table()
                ? prepared : null;
        int n = loaded.ids().length;
        // a snapshot without normalised values (written before they were kept) is written afresh once, with them
        // and with every record's keys, so that the next runs need not normalise the records it holds
        RecordKeys everyKey = keyCache == null ? null : keyCache.everyRecord();
        boolean upgrade = normalised != null && loaded.fromSnapshot() > 0 && loaded.normalised() == null
                && everyKey != null && everyKey.count() == n;
        if (!upgrade && loaded.fromSnapshot() == n) {
            return;
        }
        int from = upgrade ? 0 : loaded.fromSnapshot();
        RecordKeys keys = upgrade ? everyKey : null;
        if (!upgrade && keyCache != null && keyCache.computed() != null && keyCache.computedFrom() <= from) {
            keys = keyCache.computed().slice(from - keyCache.computedFrom(), n - keyCache.computedFrom());
        }
        if (upgrade) {
            LOG.info("record snapshot: written afresh with the records' normalised values");
        }
        RecordKeys kept = keys;
        try {
            workspace.write(c -> {
                RecordSnapshot.write(c, fingerprint, workspace.now().toString(), loaded.ids(), loaded.table(),
                        from, kept, normalised);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("the record snapshot could not be written; the next run reads all records", e);
        }
    }

    /**
     * The old records whose clusters an incremental run redoes: those a new record links to, and every record of a
     * standing cluster or golden record one of them belongs to (and so on, until nothing is added).
     */
    private static boolean[] affected(boolean[] touched, long[] ids, WorkspaceLoader.Loaded loaded,
                                      int[][] standingMembers) {
        int n = ids.length;
        List<int[]> groups = new ArrayList<>(Arrays.asList(standingMembers));
        for (long[] g : loaded.golden()) {
            groups.add(indexes(g, ids));
        }
        // the groups of each record, as offsets into one array (no map entry per record)
        int[] start = new int[n + 1];
        for (int[] g : groups) {
            for (int i : g) {
                start[i + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] groupsOf = new int[start[n]];
        int[] filled = new int[n];
        for (int g = 0; g < groups.size(); g++) {
            for (int i : groups.get(g)) {
                groupsOf[start[i] + filled[i]++] = g;
            }
        }
        boolean[] affected = touched.clone();
        int[] todo = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (affected[i]) {
                todo[tail++] = i;
            }
        }
        boolean[] groupDone = new boolean[groups.size()];
        while (head < tail) {
            int r = todo[head++];
            for (int k = start[r]; k < start[r + 1]; k++) {
                int g = groupsOf[k];
                if (groupDone[g]) {
                    continue;
                }
                groupDone[g] = true;
                for (int j : groups.get(g)) {
                    if (!affected[j]) {
                        affected[j] = true;
                        todo[tail++] = j;
                    }
                }
            }
        }
        return affected;
    }

    /** The table indexes of the records of these ids that the run holds ({@code ids} ascending), in their order. */
    static int[] indexes(long[] recordIds, long[] ids) {
        int[] out = new int[recordIds.length];
        int k = 0;
        boolean dense = dense(ids);
        for (long id : recordIds) {
            int i = dense ? denseIndex(ids, id) : Arrays.binarySearch(ids, id);
            if (i >= 0) {
                out[k++] = i;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /**
     * The table index of a record id ({@code ids} ascending), negative when the run does not hold it. Record ids are
     * handed out one after the other and never deleted, so a run's ids are mostly without gaps: then the index is the
     * id's distance from the first (no binary search over a million ids per member of every standing cluster).
     */
    static int indexOf(long[] ids, long id) {
        return dense(ids) ? denseIndex(ids, id) : Arrays.binarySearch(ids, id);
    }

    /** Whether the ascending, distinct {@code ids} have no gap (then the last is the first plus their count - 1). */
    private static boolean dense(long[] ids) {
        return ids.length > 0 && ids[ids.length - 1] - ids[0] == ids.length - 1;
    }

    private static int denseIndex(long[] ids, long id) {
        long d = id - ids[0];
        return d >= 0 && d < ids.length ? (int) d : -1;
    }

    /** Each standing cluster's members as table indexes ({@link #indexes}), in the order of the standing clusters. */
    static int[][] standingIndexes(WorkspaceLoader.Loaded loaded) {
        List<ClusterRepository.Standing> standing = loaded.standing();
        int[][] out = new int[standing.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = indexes(standing.get(k).members(), loaded.ids());
        }
        return out;
    }

    /**
     * Whether two profiles in JSON are the same profile: compared as JSON trees, since the written order of a
     * profile's maps may differ between processes.
     */
    static boolean sameProfile(String a, String b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** Inserts a cluster for a set of records (used by a split); returns its id, or an existing one's. */
    public static long ensureCluster(Connection c, long[] memberIds, long runId) throws SQLException {
        return ClusterRepository.ensure(c, memberIds, runId);
    }

    /**
     * The weakest link (lowest linking probability) of every cluster a run proposed, new or reproduced, in cluster
     * order; for a summary of a run by confidence. Holds no personal data.
     */
    public double[] weakestLinks(long runId) {
        return workspace.read(c -> ClusterRepository.weakestLinks(c, runId));
    }

    /**
     * A run's threshold figures: its pairs' weight histogram and, per candidate threshold, pairs and clusters (see
     * {@link de.grw.matching.cluster.ThresholdSweep}); {@code null} for a run stored before they were kept. Holds no
     * personal data.
     */
    public ThresholdFiguresRepository.Stored thresholdFigures(long runId) {
        return workspace.read(c -> ThresholdFiguresRepository.read(c, runId));
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
