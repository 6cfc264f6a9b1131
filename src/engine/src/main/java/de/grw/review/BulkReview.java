package de.grw.review;

import de.grw.access.AccessLog;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.review.BulkViews.Approval;
import de.grw.review.BulkViews.Proposal;
import de.grw.review.BulkViews.Result;
import de.grw.review.BulkViews.Sample;
import de.grw.review.BulkViews.SampledCluster;
import de.grw.review.BulkViews.SkipReason;
import de.grw.review.BulkViews.Skipped;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.workspace.ClusterRepository;
import de.grw.workspace.ClusterStatus;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bulk work with governance intact. A clerk proposes merges for every open cluster of a confidence band and source
 * filter at once, a supervisor approves a batch of pending merges at once; each only after looking at a random
 * sample that this service chose, showed and logged:
 * <ol>
 * <li>{@link #sampleForProposal} / {@link #sampleForApproval} choose the batch and a random sample of
 * {@value #SAMPLE_SIZE} of it, show the sample's records (masked as the review masks them) and log them as one
 * access-log entry ({@value #PROPOSAL_SAMPLE} / {@value #APPROVAL_SAMPLE}) whose id is the sample's id;</li>
 * <li>{@link #proposeAll} / {@link #approveAll} carry that id and the sampled ids; the service refuses the whole
 * command unless the entry was written for this user, of that kind, less than {@link #SAMPLE_VALID} ago, covers
 * every record of every sampled cluster, holds at least {@value #SAMPLE_SIZE} of the batch (or all of a smaller
 * one), and (a proposal) the sample lies in the band and sources asked for.</li>
 * </ol>
 * Each cluster then becomes a decision of its own through {@link ReviewService#propose} / {@link ReviewService#approve}
 * (its own transaction, journal entry with the case reference, rights and four-eyes checks): a cluster decided by
 * someone else meanwhile is skipped, not decided twice; a merge the supervisor proposed is refused and the rest of
 * the batch approved (four eyes hold per decision; one's own proposals do not block a colleague's batch).
 */
public final class BulkReview {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkReview.class);
    /** How many clusters a sample shows (all of a smaller batch). */
    public static final int SAMPLE_SIZE = 5;
    /** How long a sample shown authorises a bulk command. */
    public static final Duration SAMPLE_VALID = Duration.ofMinutes(30);
    /** The most clusters or decisions one bulk command covers. */
    public static final int MAX_BATCH = 1000;
    static final String PROPOSAL_SAMPLE = "BULK_SAMPLE";
    static final String APPROVAL_SAMPLE = "APPROVAL_SAMPLE";

    private final ReviewService review;
    private final Workspace workspace;
    private final Random random;

    public BulkReview(ReviewService review) {
        this(review, new SecureRandom());
    }

    BulkReview(ReviewService review, Random random) {
        this.review = review;
        this.workspace = review.workspace();
        this.random = random;
    }

    // ---- proposals ----

    /**
     * The open clusters of a band and source filter (at most {@value #MAX_BATCH}, the most uncertain first) and a
     * random sample of them with their records, logged as one access-log entry with the case reference.
     */
    public Sample sampleForProposal(Session session, List<String> sources, double minProbability,
                                    double maxProbability, String caseRef) {
        session.require(Permission.DECIDE, "decide_on_clusters");
        requireCaseToShow(caseRef);
        List<Long> batch = review.queueBySources(session, EnumSet.of(ClusterStatus.OPEN), sources, minProbability,
                maxProbability, MAX_BATCH).stream().map(QueueEntry::clusterId).toList();
        List<Long> chosen = choose(batch);
        if (chosen.isEmpty()) {
            return new Sample(0, batch, List.of(), List.of());
        }
        return workspace.write(c -> {
            List<SampledCluster> shown = new ArrayList<>();
            Set<Long> records = new LinkedHashSet<>();
            for (long id : chosen) {
                shown.add(sampled(c, session, id, null, null));
                records.addAll(ClusterRepository.members(c, id));
            }
            long entry = AccessLog.record(c, workspace.now(), session.user(), PROPOSAL_SAMPLE, caseRef,
                    "bulk sample: clusters " + join(chosen) + " of " + batch.size() + " (band "
                            + band(minProbability, maxProbability) + ", sources "
                            + (sources == null || sources.isEmpty() ? "all" : String.join(", ", sources)) + ")",
                    records);
            LOG.info("bulk sample {} for {}: clusters {} of {}", entry, session.user(), chosen, batch.size());
            return new Sample(entry, batch, shown, List.of());
        });
    }

    /**
     * Proposes a merge of each cluster of the batch, as its own decision awaiting a supervisor; refused as a whole
     * unless the sample it names was shown to this user ({@link BulkReview}).
     */
    public Result proposeAll(Session session, Proposal proposal) {
        session.require(Permission.DECIDE, "decide_on_clusters");
        List<Long> batch = new ArrayList<>(new LinkedHashSet<>(proposal.clusters()));
        if (batch.size() > MAX_BATCH) {
            throw new UserFacingException(Text.of("bulk.too_large", batch.size(), MAX_BATCH));
        }
        workspace.read(c -> {
            requireSample(c, session, PROPOSAL_SAMPLE, proposal.sampleId(), proposal.sampleIds(), batch,
                    batch.size(), id -> ClusterRepository.members(c, id));
            for (long id : proposal.sampleIds()) {
                if (!inFilter(c, id, proposal)) {
                    refuse(session, Text.of("bulk.sample_other_band", proposal.sampleId(), id));
                }
            }
            return null;
        });
        List<Long> decided = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (long id : batch) {
            Skipped before = workspace.read(c -> before(c, id, proposal, session.user()));
            if (before != null) {
                skipped.add(before);
                continue;
            }
            try {
                List<Long> members = workspace.read(c -> ClusterRepository.members(c, id));
                DecisionView d = review.propose(session, id, new MergeCommand(members, Map.of()),
                        proposal.comment(), proposal.caseRef());
                decided.add(d.id());
            } catch (UserFacingException e) {
                // decided or claimed between the look above and the decision's own transaction
                Skipped after = workspace.read(c -> before(c, id, proposal, session.user()));
                skipped.add(after != null ? after : new Skipped(id, SkipReason.REFUSED, e.getMessage()));
            }
        }
        LOG.info("bulk proposal by {} after sample {}: {} proposed, {} skipped", session.user(),
                proposal.sampleId(), decided.size(), skipped.size());
        return new Result(decided, skipped);
    }

    /** Why a cluster is left out now, or null when it can be proposed. */
    private Skipped before(Connection c, long id, Proposal proposal, String user) throws SQLException {
        ClusterStatus status;
        try {
            status = ClusterRepository.status(c, id);
        } catch (UserFacingException e) {
            return new Skipped(id, SkipReason.REFUSED, e.getMessage());
        }
        if (status != ClusterStatus.OPEN) {
            return new Skipped(id, SkipReason.ALREADY_DECIDED, Text.of("status." + status.name()).toString());
        }
        var claim = ClaimRepository.holder(c, id, workspace.now(), user);
        if (claim.isPresent() && !claim.get().mine()) {
            return new Skipped(id, SkipReason.CLAIMED, claim.get().user());
        }
        if (!inFilter(c, id, proposal)) {
            return new Skipped(id, SkipReason.OUT_OF_FILTER, "");
        }
        return null;
    }

    /** Whether the cluster's weakest link lies in the band and (with a source filter) it has a record of a source. */
    private static boolean inFilter(Connection c, long id, Proposal p) throws SQLException {
        double min = ClusterRepository.minProbability(c, id, -1.0);
        boolean inBand = min >= p.minProbability() && (min < p.maxProbability() || p.maxProbability() >= 1);
        return inBand && (p.sources().isEmpty()
                || QueueDetails.sources(c, id).stream().anyMatch(p.sources()::contains));
    }

    // ---- approvals ----

    /**
     * A random sample of the pending merges of a batch, the supervisor's own proposals left out (they cannot
     * approve them), with their records; logged as one access-log entry.
     */
    public Sample sampleForApproval(Session session, List<Long> decisions, String caseRef) {
        session.require(Permission.APPROVE, "approve_merges");
        requireCaseToShow(caseRef);
        List<Long> batch = new ArrayList<>(new LinkedHashSet<>(decisions == null ? List.of() : decisions));
        if (batch.size() > MAX_BATCH) {
            throw new UserFacingException(Text.of("bulk.too_large", batch.size(), MAX_BATCH));
        }
        return workspace.write(c -> {
            List<Long> eligible = new ArrayList<>();
            List<Long> left = new ArrayList<>();
            for (long id : batch) {
                DecisionView d = DecisionRepository.find(c, id);
                boolean pending = d.kind() == DecisionKind.MERGE && d.state() == DecisionState.PENDING;
                boolean samePerson = de.grw.users.AccountRules.samePerson(c, session, d.proposedBy());
                (pending && !samePerson ? eligible : left).add(id);
            }
            List<Long> chosen = choose(eligible);
            if (chosen.isEmpty()) {
                return new Sample(0, batch, List.of(), left);
            }
            List<SampledCluster> shown = new ArrayList<>();
            Set<Long> records = new LinkedHashSet<>();
            for (long id : chosen) {
                DecisionView d = DecisionRepository.find(c, id);
                shown.add(sampled(c, session, d.clusterId(), d.id(), d.proposedBy()));
                records.addAll(mergeMembers(d));
            }
            long entry = AccessLog.record(c, workspace.now(), session.user(), APPROVAL_SAMPLE, caseRef,
                    "approval sample: decisions " + join(chosen) + " of " + eligible.size(), records);
            LOG.info("approval sample {} for {}: decisions {} of {}", entry, session.user(), chosen,
                    eligible.size());
            return new Sample(entry, batch, shown, left);
        });
    }

    /**
     * Approves each pending merge of the batch as its own decision (four eyes per decision: the supervisor's own
     * proposals are refused, the rest approved); refused as a whole unless the sample it names was shown to this
     * supervisor.
     */
    public Result approveAll(Session session, Approval approval) {
        session.require(Permission.APPROVE, "approve_merges");
        List<Long> batch = new ArrayList<>(new LinkedHashSet<>(approval.decisions()));
        if (batch.size() > MAX_BATCH) {
            throw new UserFacingException(Text.of("bulk.too_large", batch.size(), MAX_BATCH));
        }
        workspace.read(c -> {
            int others = 0;
            for (long id : batch) {
                if (!de.grw.users.AccountRules.samePerson(c, session, DecisionRepository.find(c, id).proposedBy())) {
                    others++;
                }
            }
            requireSample(c, session, APPROVAL_SAMPLE, approval.sampleId(), approval.sampleIds(), batch, others,
                    id -> mergeMembers(DecisionRepository.find(c, id)));
            return null;
        });
        List<Long> decided = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (long id : batch) {
            DecisionView d = workspace.read(c -> DecisionRepository.find(c, id));
            if (workspace.read(c -> de.grw.users.AccountRules.samePerson(c, session, d.proposedBy()))) {
                LOG.warn("refused: {} may not approve decision {} of a batch, their own proposal (four eyes)",
                        session.user(), id);
                skipped.add(new Skipped(id, SkipReason.OWN_PROPOSAL,
                        Text.of("review.four_eyes_approve", session.user(), id).toString()));
                continue;
            }
            if (d.kind() != DecisionKind.MERGE || d.state() != DecisionState.PENDING) {
                skipped.add(new Skipped(id, SkipReason.ALREADY_DECIDED,
                        Text.of("state." + d.state().name()).toString()));
                continue;
            }
            try {
                decided.add(review.approve(session, id, approval.comment()).id());
            } catch (AccessDeniedException e) {
                skipped.add(new Skipped(id, SkipReason.REFUSED, e.getMessage()));
            } catch (UserFacingException e) {
                DecisionView now = workspace.read(c -> DecisionRepository.find(c, id));
                skipped.add(new Skipped(id, now.state() != DecisionState.PENDING ? SkipReason.ALREADY_DECIDED
                        : SkipReason.REFUSED, e.getMessage()));
            }
        }
        LOG.info("bulk approval by {} after sample {}: {} approved, {} skipped", session.user(),
                approval.sampleId(), decided.size(), skipped.size());
        return new Result(decided, skipped);
    }

    // ---- the sample ----

    /** Ids of what a sample's ids stand for: a cluster's or a merge's records. */
    private interface Records {
        List<Long> of(long id) throws SQLException;
    }

    /**
     * Refuses (as a whole) a bulk command whose sample was not served to this user: the access-log entry must be
     * this user's, of the kind, recent, cover every record of every sampled id, and the sample must be of the batch
     * and large enough.
     */
    private void requireSample(Connection c, Session session, String kind, long sampleId, List<Long> sampleIds,
                               List<Long> batch, int eligible, Records records) throws SQLException {
        var entry = sampleId <= 0 ? java.util.Optional.<AccessLog.Entry>empty() : AccessLog.find(c, sampleId);
        if (entry.isEmpty() || !entry.get().user().equals(session.user()) || !entry.get().action().equals(kind)) {
            refuse(session, Text.of("bulk.no_sample", sampleId, session.user()));
        }
        if (Instant.parse(entry.get().at()).isBefore(workspace.now().minus(SAMPLE_VALID))) {
            refuse(session, Text.of("bulk.sample_expired", sampleId, SAMPLE_VALID.toMinutes()));
        }
        Set<Long> distinct = new LinkedHashSet<>(sampleIds);
        int needed = Math.min(SAMPLE_SIZE, eligible);
        if (distinct.size() < needed) {
            refuse(session, Text.of("bulk.sample_too_small", sampleId, needed, distinct.size()));
        }
        Set<Long> logged = new HashSet<>(entry.get().recordIds());
        for (long id : distinct) {
            if (!batch.contains(id) || !logged.containsAll(records.of(id))) {
                refuse(session, Text.of("bulk.not_in_sample", id, sampleId));
            }
        }
    }

    private static void refuse(Session session, Text why) {
        LOG.warn("refused: bulk command by {}: {}", session.user(), why);
        throw new AccessDeniedException(why);
    }

    private List<Long> choose(List<Long> from) {
        List<Long> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, random);
        List<Long> chosen = new ArrayList<>(shuffled.subList(0, Math.min(SAMPLE_SIZE, shuffled.size())));
        Collections.sort(chosen);
        return chosen;
    }

    private SampledCluster sampled(Connection c, Session session, long clusterId, Long decisionId, String by)
            throws SQLException {
        List<Long> ids = decisionId == null ? ClusterRepository.members(c, clusterId)
                : mergeMembers(DecisionRepository.find(c, decisionId));
        List<MemberRecord> members = RecordLoader.maskTogether(RecordLoader.load(c, ids, session,
                review.governance(), review.profile()), review.governance(), review.profile());
        double min = ClusterRepository.minProbability(c, clusterId, 0.0);
        return new SampledCluster(clusterId, decisionId, by, min, QueueDetails.sources(c, clusterId), members);
    }

    private static List<Long> mergeMembers(DecisionView d) {
        return d.kind() == DecisionKind.MERGE
                ? ((MergeCommand) DecisionCommand.fromPayload(d.kind(), d.payloadJson())).members() : List.of();
    }

    private void requireCaseToShow(String caseRef) {
        de.grw.common.CaseReference.check(caseRef);
        if (review.governance().required().caseReferenceToShow() && (caseRef == null || caseRef.isBlank())) {
            throw new UserFacingException(Text.of("review.show_needs_case"));
        }
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String band(double min, double max) {
        return String.format(Locale.ROOT, "%.2f-%.2f", min, max);
    }
}
