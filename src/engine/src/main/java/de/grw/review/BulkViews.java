package de.grw.review;

import java.util.List;

/**
 * The values of bulk work ({@link BulkReview}): a random sample shown before a bulk proposal or a bulk approval, the
 * commands that carry the sample the user was shown, and what a bulk did to each cluster or decision.
 */
public final class BulkViews {
    private BulkViews() {
    }

    /**
     * One cluster of a sample as the user sees it before deciding on the whole batch.
     *
     * @param clusterId      the cluster
     * @param decisionId     the pending merge on it (an approval sample), or {@code null} (a proposal sample)
     * @param proposedBy     who proposed that merge, or {@code null}
     * @param minProbability its weakest link
     * @param sources        its records' sources
     * @param members        its records, masked where the user may not see them (as the review shows them)
     */
    public record SampledCluster(long clusterId, Long decisionId, String proposedBy, double minProbability,
                                 List<String> sources, List<MemberRecord> members) {
        public SampledCluster {
            sources = List.copyOf(sources);
            members = List.copyOf(members);
        }
    }

    /**
     * A random sample of a batch, served to one user and logged in the access log: {@code sampleId} is that access
     * entry's id, which the bulk command must carry with the sampled ids.
     *
     * @param sampleId the access-log entry that records the sample shown
     * @param batch    what a bulk command may then cover: cluster ids (a proposal) or decision ids (an approval)
     * @param sample   the sampled clusters, shown
     * @param skipped  ids of the batch left out at once (an approval: the supervisor's own proposals)
     */
    public record Sample(long sampleId, List<Long> batch, List<SampledCluster> sample, List<Long> skipped) {
        public Sample {
            batch = List.copyOf(batch);
            sample = List.copyOf(sample);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        /** The ids the bulk command carries as "shown": cluster ids (a proposal) or decision ids (an approval). */
        public List<Long> sampleIds() {
            return sample.stream().map(s -> s.decisionId() == null ? s.clusterId() : s.decisionId()).toList();
        }
    }

    /**
     * Propose merging every cluster of a batch (each cluster's records as one golden record, the survivorship's
     * values), after the sample {@code sampleId} of the same band and sources was shown to the same user.
     *
     * @param sources        the source filter (none: all)
     * @param minProbability the band's lower end (weakest link at least)
     * @param maxProbability the band's upper end (below it; 1 includes 1)
     * @param clusters       the batch, as {@link BulkReview#sampleForProposal} served it
     * @param sampleId       the access-log entry of the sample shown
     * @param sampleIds      the clusters of that sample
     * @param comment        the comment of each decision
     * @param caseRef        the case reference of each decision
     */
    public record Proposal(List<String> sources, double minProbability, double maxProbability, List<Long> clusters,
                           long sampleId, List<Long> sampleIds, String comment, String caseRef) {
        public Proposal {
            sources = sources == null ? List.of() : List.copyOf(sources);
            clusters = clusters == null ? List.of() : List.copyOf(clusters);
            sampleIds = sampleIds == null ? List.of() : List.copyOf(sampleIds);
        }
    }

    /**
     * Approve every pending merge of a batch after the sample {@code sampleId} was shown to the same supervisor.
     *
     * @param decisions the batch of pending merges
     * @param sampleId  the access-log entry of the sample shown
     * @param sampleIds the decisions of that sample
     * @param comment   the approval comment of each decision
     */
    public record Approval(List<Long> decisions, long sampleId, List<Long> sampleIds, String comment) {
        public Approval {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
            sampleIds = sampleIds == null ? List.of() : List.copyOf(sampleIds);
        }
    }

    /** Why a cluster or a decision of a batch was left out. */
    public enum SkipReason {
        /** Decided meanwhile (by someone else or earlier): not decided twice. */
        ALREADY_DECIDED,
        /** Another clerk holds the cluster under review. */
        CLAIMED,
        /** No longer in the band or the source filter the batch was chosen by. */
        OUT_OF_FILTER,
        /** Four eyes: the supervisor proposed this merge and may not approve it. */
        OWN_PROPOSAL,
        /** Refused for another reason (the message says which). */
        REFUSED
    }

    /** One cluster (a proposal) or decision (an approval) of a batch that was left out, and why. */
    public record Skipped(long id, SkipReason reason, String message) {
    }

    /**
     * What a bulk command did: the decisions recorded (a proposal: the new pending merges; an approval: the merges
     * approved), and what it left out.
     */
    public record Result(List<Long> decided, List<Skipped> skipped) {
        public Result {
            decided = List.copyOf(decided);
            skipped = List.copyOf(skipped);
        }
    }
}
