package de.grw.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.matching.model.ModelCodec;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a Spark job's proposal bundle ({@link ProposalBundleReader}) into a workspace for review, as a match run of
 * kind {@code imported}: the run is stored with the bundle's profile, model and figures, its clusters go through the
 * same cluster writer as a workspace run's (a cluster proposed before keeps its id and review state, a cluster that is
 * an approved golden record's members is stored as merged, a new one enters the queue with its pairs and their
 * explanations), open clusters of earlier runs it does not propose leave the queue, and the run is journalled
 * ({@code match.run}, with the bundle's SHA-256) in the same transaction, so the ledger seals it like any run.
 *
 * <p>Refused, before anything is stored: a user without the right to run a match; a broken bundle (file, line and
 * problem); a bundle matched with another profile than the workspace's; a bundle naming records the workspace does
 * not hold (their sources are imported first, or with it: {@code grw import-proposals --with FILE}).
 */
public final class ProposalImporter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProposalImporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many missing records a refusal names (then the count). */
    static final int NAMED_MISSING = 10;
    /** Clusters stored between two looks at the cancellation (and two progress reports). */
    static final int CHECK_EVERY = 1_000;
    private final Workspace workspace;

    public ProposalImporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * What an import stored.
     *
     * @param clusters    clusters of the bundle
     * @param newClusters clusters now in the queue for the first time
     * @param unchanged   clusters a run proposed before (their review state is kept)
     * @param superseded  open clusters of earlier runs the bundle does not propose (out of the queue)
     */
    public record Result(long runId, long records, long candidatePairs, double threshold, int clusters,
                         int newClusters, int unchanged, int superseded, int pairs, String bundleSha256) {
    }

    /** Checks the bundle without a workspace: the same checks as an import, nothing stored. */
    public static ProposalBundleReader.Bundle check(Path folder) {
        return ProposalBundleReader.read(folder);
    }

    public Result importBundle(Session session, Path folder) {
        return importBundle(session, folder, ProgressListener.NONE, CancellationToken.NONE);
    }

    /**
     * Checks and loads a bundle, reporting the phases {@code proposals.check} (reading and checking the files),
     * {@code proposals.resolve} (finding the records in the workspace) and {@code proposals.store} (clusters stored,
     * of all); a cancellation is honoured between the phases and every {@value #CHECK_EVERY} clusters while storing,
     * before the transaction commits, so that a cancelled import stores nothing.
     */
    public Result importBundle(Session session, Path folder, ProgressListener progress, CancellationToken cancel) {
        session.require(Permission.MATCH, "import_proposals");
        Instant started = workspace.now();
        progress.progress("proposals.check", 0, -1);
        ProposalBundleReader.Bundle bundle = ProposalBundleReader.read(folder);
        cancel.throwIfCancelled();
        MatchProfile profile = WorkspaceProfile.profile(workspace);
        MatchProfile bundleProfile;
        try {
            bundleProfile = ProfileLoader.fromJson(bundle.profileJson(), folder.resolve("profile.json").toString());
        } catch (RuntimeException e) {
            throw new UserFacingException(Text.of("bundle.profile", folder.resolve("profile.json"), e.getMessage()), e);
        }
        String profileJson = ProfileLoader.toJson(profile);
        if (!WorkspaceMatcher.sameProfile(ProfileLoader.toJson(bundleProfile), profileJson)) {
            throw new UserFacingException(Text.of("bundle.other_profile", folder.resolve("profile.json"),
                    bundleProfile.name(), profile.name()));
        }
        progress.progress("proposals.resolve", 0, -1);
        Map<ProposalBundleReader.Ref, Long> ids = workspace.read(c -> resolve(c, bundle));
        cancel.throwIfCancelled();
        String modelJson;
        try {
            modelJson = JSON.writeValueAsString(ModelCodec.read(bundle.model()));
        } catch (IOException e) {
            throw new UserFacingException(Text.of("bundle.model", folder.resolve("model.json"), e.getMessage()), e);
        }
        Result r = workspace.write(c -> store(c, session, started, bundle, ids, profileJson, modelJson, progress,
                cancel));
        LOG.info("proposal bundle {} ({}) imported by {} as run {}: {} clusters ({} new, {} unchanged), {} superseded",
                folder, bundle.sha256(), session.user(), r.runId(), r.clusters(), r.newClusters(), r.unchanged(),
                r.superseded());
        return r;
    }

    /** The workspace id of every record a cluster names; refuses the bundle when some are not in the workspace. */
    private static Map<ProposalBundleReader.Ref, Long> resolve(Connection c, ProposalBundleReader.Bundle bundle)
            throws SQLException {
        Set<ProposalBundleReader.Ref> wanted = new HashSet<>();
        for (ProposalBundleReader.Cluster cl : bundle.clusters()) {
            wanted.addAll(cl.records());
        }
        Map<Long, String> sourceNames = RecordRowsRepository.sourceNames(c);
        Map<ProposalBundleReader.Ref, Long> ids = new HashMap<>(wanted.size() * 2);
        RecordRowsRepository.recordsAfter(c, Long.MIN_VALUE, WorkspaceLoader.FETCH_SIZE, (id, sourceId, key, v) -> {
            ProposalBundleReader.Ref ref = new ProposalBundleReader.Ref(sourceNames.get(sourceId), key);
            if (wanted.contains(ref)) {
                ids.put(ref, id);
            }
        });
        if (ids.size() < wanted.size()) {
            List<Text> named = new ArrayList<>();
            int missing = 0;
            for (ProposalBundleReader.Cluster cl : bundle.clusters()) {
                for (int i = 0; i < cl.records().size(); i++) {
                    ProposalBundleReader.Ref ref = cl.records().get(i);
                    if (!ids.containsKey(ref)) {
                        missing++;
                        if (named.size() < NAMED_MISSING) {
                            named.add(Text.of("bundle.missing_record", cl.where().get(i),
                                    ref.source() + "/" + ref.id()));
                        }
                    }
                }
            }
            if (missing > named.size()) {
                named.add(Text.of("bundle.and_more", missing - named.size()));
            }
            Text list = named.get(named.size() - 1);
            for (int i = named.size() - 2; i >= 0; i--) {
                list = Text.of("bundle.list", named.get(i), list);
            }
            throw new UserFacingException(Text.of("bundle.records_missing", bundle.folder(), missing, list));
        }
        return ids;
    }

    private Result store(Connection c, Session session, Instant started, ProposalBundleReader.Bundle bundle,
                         Map<ProposalBundleReader.Ref, Long> ids, String profileJson, String modelJson,
                         ProgressListener progress, CancellationToken cancel) throws SQLException {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("records", bundle.records());
        stats.put("candidate_pairs", bundle.candidatePairs());
        stats.put("pairs_left_out", bundle.pairsLeftOut());
        stats.put("imported_from", bundle.folder().getFileName() == null ? bundle.folder().toString()
                : bundle.folder().getFileName().toString());
        stats.put("bundle_sha256", bundle.sha256());
        stats.put("engine", bundle.manifest().path("engine").asText(""));
        long runId = MatchRunRepository.insert(c, started.toString(), workspace.now().toString(), session.user(),
                bundle.threshold(), profileJson, modelJson, CanonicalJson.write(stats));
        de.grw.store.Sql.update(c, "UPDATE match_runs SET kind = ? WHERE id = ?", KIND, runId);

        // the pairs of each cluster (both records in it), as the workspace run keeps them
        Map<ProposalBundleReader.Ref, Integer> clusterOf = new HashMap<>();
        for (int k = 0; k < bundle.clusters().size(); k++) {
            for (ProposalBundleReader.Ref ref : bundle.clusters().get(k).records()) {
                clusterOf.put(ref, k);
            }
        }
        List<List<ProposalBundleReader.Pair>> pairsOf = new ArrayList<>();
        bundle.clusters().forEach(x -> pairsOf.add(new ArrayList<>()));
        for (ProposalBundleReader.Pair p : bundle.pairs()) {
            Integer ka = clusterOf.get(p.a());
            if (ka != null && ka.equals(clusterOf.get(p.b()))) {
                pairsOf.get(ka).add(p);
            }
        }
        Set<String> golden = new HashSet<>();
        for (long[] g : MatchRunRepository.activeGoldenGroups(c)) {
            golden.add(WorkspaceMatcher.fingerprint(g));
        }
        int created = 0;
        int unchanged = 0;
        int pairs = 0;
        try (ClusterRepository.Writer writer = ClusterRepository.writer(c)) {
            int all = bundle.clusters().size();
            for (int k = 0; k < all; k++) {
                if (k % CHECK_EVERY == 0) {
                    // inside the transaction: a cancellation rolls back what this loop stored
                    cancel.throwIfCancelled();
                    progress.progress("proposals.store", k, all);
                }
                long[] members = bundle.clusters().get(k).records().stream().mapToLong(ids::get).sorted().toArray();
                String fingerprint = WorkspaceMatcher.fingerprint(members);
                Long existing = writer.find(fingerprint);
                if (existing != null) {
                    writer.reproduced(existing, runId);
                    unchanged++;
                    continue;
                }
                double min = 1.0;
                double max = 0.0;
                List<ClusterRepository.Pair> stored = new ArrayList<>();
                for (ProposalBundleReader.Pair p : pairsOf.get(k)) {
                    long a = ids.get(p.a());
                    long b = ids.get(p.b());
                    if (p.probability() >= bundle.threshold()) {
                        min = Math.min(min, p.probability());
                    }
                    max = Math.max(max, p.probability());
                    stored.add(new ClusterRepository.Pair(Math.min(a, b), Math.max(a, b), p.probability(),
                            p.weight(), StoredExplanation.encode(p.prior(), p.explanation())));
                }
                pairs += stored.size();
                ClusterStatus status = golden.contains(fingerprint) ? ClusterStatus.MERGED : ClusterStatus.OPEN;
                writer.insert(fingerprint, runId, status, min, Math.max(min, max), members, stored, null);
                created += status == ClusterStatus.OPEN ? 1 : 0;
            }
        }
        cancel.throwIfCancelled();
        progress.progress("proposals.store", bundle.clusters().size(), bundle.clusters().size());
        int superseded = ClusterRepository.supersedeNotProposedBy(c, runId);
        int clusters = bundle.clusters().size();
        Journal.append(c, workspace.now(), session.user(), JournalAction.MATCH_RUN, new WorkspaceEvents.MatchRun(
                runId, bundle.records(), bundle.candidatePairs(), bundle.threshold(), clusters, created, unchanged,
                superseded, KIND, null, null, bundle.sha256()));
        return new Result(runId, bundle.records(), bundle.candidatePairs(), bundle.threshold(), clusters, created,
                unchanged, superseded, pairs, bundle.sha256());
    }

    /** The kind of an imported run ({@code match_runs.kind}, the journal's {@code kind}). */
    public static final String KIND = "imported";
}
