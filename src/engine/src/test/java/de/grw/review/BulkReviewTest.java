package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.access.AccessLog;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.review.BulkViews.Approval;
import de.grw.review.BulkViews.Proposal;
import de.grw.review.BulkViews.Result;
import de.grw.review.BulkViews.Sample;
import de.grw.review.BulkViews.SkipReason;
import de.grw.review.BulkViews.Skipped;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.rights.AccessDeniedException;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import de.grw.workspace.ClusterStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bulk work keeps governance: no bulk without a sample the service served to the same user, each cluster its own
 * decision in the journal with the case reference, four eyes per decision, and nothing decided twice.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class BulkReviewTest {
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private static Proposal proposal(Sample s, String caseRef) {
        return new Proposal(List.of("melderegister"), 0, 1, s.batch(), s.sampleId(), s.sampleIds(), "Stapel",
                caseRef);
    }

    @Test
    void aClerkProposesABandAfterTheSampleEachADecisionOfItsOwnAndNothingTwice() throws Exception {
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            BulkFixture f = new BulkFixture(w, dir);
            BulkReview bulk = new BulkReview(f.review);
            Sample sample = bulk.sampleForProposal(f.anna, List.of("melderegister"), 0, 1, "AZ-51");
            assertThat(sample.batch()).hasSize(8);
            assertThat(sample.sample()).hasSize(BulkReview.SAMPLE_SIZE);
            assertThat(sample.sampleIds()).isSubsetOf(sample.batch());
            // the blocked person stays masked in the sample, as the review masks them
            assertThat(sample.sample()).flatExtracting(BulkViews.SampledCluster::members)
                    .flatExtracting(MemberRecord::cells).doesNotContain("Berghorst");
            // the sample is one access: its id is the access-log entry, naming the sampled records
            AccessLog.Entry shown = w.read(c -> AccessLog.find(c, sample.sampleId())).orElseThrow();
            assertThat(shown.user()).isEqualTo("anna");
            assertThat(shown.action()).isEqualTo("BULK_SAMPLE");
            assertThat(shown.caseRef()).isEqualTo("AZ-51");
            assertThat(shown.recordIds()).hasSize(2 * BulkReview.SAMPLE_SIZE);

            // meanwhile a supervisor decides one of the clusters: it is skipped, not decided twice
            long other = sample.batch().get(7);
            List<Long> members = f.review.memberIds(f.bernd, other);
            f.review.propose(f.bernd, other, new NotDuplicateCommand(members.get(0), members.get(1)), "kein Duplikat", "AZ-9");

            Result result = bulk.proposeAll(f.anna, proposal(sample, "AZ-51"));
            assertThat(result.decided()).hasSize(7);
            assertThat(result.skipped()).extracting(Skipped::id, Skipped::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(other, SkipReason.ALREADY_DECIDED));
            // each a decision of its own, awaiting a supervisor, with the case reference in the journal
            for (long id : result.decided()) {
                DecisionView d = f.review.decision(f.anna, id);
                assertThat(d.kind()).isEqualTo(DecisionKind.MERGE);
                assertThat(d.state()).isEqualTo(DecisionState.PENDING);
                assertThat(d.proposedBy()).isEqualTo("anna");
                assertThat(d.caseRef()).isEqualTo("AZ-51");
            }
            List<JournalEntry> proposed = w.read(Journal::all).stream()
                    .filter(e -> e.action().equals(de.grw.journal.JournalAction.DECISION_PROPOSED.code()) && e.user().equals("anna")).toList();
            assertThat(proposed).hasSize(7).allMatch(e -> e.payload().contains("AZ-51"));
            assertThat(f.review.count(f.anna, Set.of(ClusterStatus.AWAITING_APPROVAL))).isEqualTo(7);

            // the same batch again: everything is decided already, nothing doubled
            Sample again = bulk.sampleForProposal(f.anna, List.of("melderegister"), 0, 1, "AZ-51");
            assertThat(again.batch()).isEmpty();
            Result twice = bulk.proposeAll(f.anna, proposal(sample, "AZ-51"));
            assertThat(twice.decided()).isEmpty();
            assertThat(twice.skipped()).hasSize(8).allMatch(s -> s.reason() == SkipReason.ALREADY_DECIDED);
            assertThat(f.review.pendingApprovals(f.bernd)).hasSize(7);
        }
    }

    @Test
    void aForgedBulkProposalWithoutASampleShownIsRefusedAsAWhole() throws Exception {
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            BulkFixture f = new BulkFixture(w, dir);
            BulkReview bulk = new BulkReview(f.review);
            List<Long> all = f.review.queue(f.anna, null, 0).stream().map(ReviewViews.QueueEntry::clusterId)
                    .toList();
            // no sample at all
            assertThatThrownBy(() -> bulk.proposeAll(f.anna, new Proposal(List.of(), 0, 1, all, 0,
                    all.subList(0, 5), "", "AZ-1"))).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("anna");
            // another access-log entry of anna's (she opened a cluster) is no sample
            f.review.show(f.anna, all.get(0), "AZ-1");
            long opened = w.read(c -> AccessLog.byUser(c, "anna")).get(0).id();
            assertThatThrownBy(() -> bulk.proposeAll(f.anna, new Proposal(List.of(), 0, 1, all, opened,
                    List.of(all.get(0)), "", "AZ-1"))).isInstanceOf(AccessDeniedException.class);
            f.review.release(f.anna, all.get(0));
            // a sample shown to carl does not let anna propose
            Sample carls = bulk.sampleForProposal(f.carl, List.of(), 0, 1, "AZ-2");
            assertThatThrownBy(() -> bulk.proposeAll(f.anna, proposal(carls, "AZ-1")))
                    .isInstanceOf(AccessDeniedException.class);
            // anna's own sample, but she claims clusters were shown that were not, or fewer than the sample size
            Sample annas = bulk.sampleForProposal(f.anna, List.of(), 0, 1, "AZ-1");
            List<Long> unseen = new ArrayList<>(annas.batch());
            unseen.removeAll(annas.sampleIds());
            assertThatThrownBy(() -> bulk.proposeAll(f.anna, new Proposal(List.of(), 0, 1, annas.batch(),
                    annas.sampleId(), unseen, "", "AZ-1"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> bulk.proposeAll(f.anna, new Proposal(List.of(), 0, 1, annas.batch(),
                    annas.sampleId(), annas.sampleIds().subList(0, 2), "", "AZ-1")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("5");
            // the sample of one band does not cover another band
            assertThatThrownBy(() -> bulk.proposeAll(f.anna, new Proposal(List.of(), 1.5, 2, annas.batch(),
                    annas.sampleId(), annas.sampleIds(), "", "AZ-1"))).isInstanceOf(AccessDeniedException.class);
            // an account of another application may do none of it
            assertThatThrownBy(() -> bulk.sampleForProposal(f.api, List.of(), 0, 1, "AZ-1"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> bulk.proposeAll(f.api, proposal(annas, "AZ-1")))
                    .isInstanceOf(AccessDeniedException.class);
            // nothing was decided by any of the refused requests
            assertThat(f.review.decisions(f.bernd)).isEmpty();
            // the genuine request goes through
            assertThat(bulk.proposeAll(f.anna, new Proposal(List.of(), 0, 1, annas.batch(), annas.sampleId(),
                    annas.sampleIds(), "", "AZ-1")).decided()).hasSize(8);
        }
    }

    @Test
    void aSupervisorApprovesABatchAfterTheSampleButNotTheirOwnProposals() throws Exception {
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            BulkFixture f = new BulkFixture(w, dir);
            BulkReview bulk = new BulkReview(f.review);
            List<Long> all = f.review.queue(f.anna, null, 0).stream().map(ReviewViews.QueueEntry::clusterId)
                    .toList();
            // bernd proposes two clusters himself, anna the other six in bulk
            List<Long> bernds = new ArrayList<>();
            for (long c : all.subList(0, 2)) {
                bernds.add(f.review.propose(f.bernd, c, new MergeCommand(f.review.memberIds(f.bernd, c), Map.of()),
                        "", "AZ-3").id());
            }
            Sample s = bulk.sampleForProposal(f.anna, List.of(), 0, 1, "AZ-3");
            Result proposed = bulk.proposeAll(f.anna, new Proposal(List.of(), 0, 1, s.batch(), s.sampleId(),
                    s.sampleIds(), "", "AZ-3"));
            assertThat(proposed.decided()).hasSize(6);
            List<Long> batch = f.review.pendingApprovals(f.bernd).stream().map(DecisionView::id).toList();
            assertThat(batch).hasSize(8);

            // a clerk cannot approve, neither sample nor batch
            assertThatThrownBy(() -> bulk.sampleForApproval(f.anna, batch, "AZ-3"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> bulk.approveAll(f.anna, new Approval(batch, s.sampleId(), s.sampleIds(),
                    ""))).isInstanceOf(AccessDeniedException.class);
            // no batch approval without the approval sample (a proposal sample is not one)
            assertThatThrownBy(() -> bulk.approveAll(f.bernd, new Approval(batch, s.sampleId(), s.sampleIds(),
                    ""))).isInstanceOf(AccessDeniedException.class);

            Sample check = bulk.sampleForApproval(f.bernd, batch, "AZ-3");
            // his own proposals are left out of the sample: he cannot approve them
            assertThat(check.skipped()).containsExactlyInAnyOrderElementsOf(bernds);
            assertThat(check.sampleIds()).hasSize(5).doesNotContainAnyElementsOf(bernds);
            assertThat(check.sample()).allMatch(c -> "anna".equals(c.proposedBy()));
            // dora decides one of anna's meanwhile
            long rejectedMeanwhile = batch.stream().filter(id -> !bernds.contains(id)
                    && !check.sampleIds().contains(id)).findFirst().orElseThrow();
            f.review.reject(f.dora, rejectedMeanwhile, "Anschrift prüfen");

            Result approved = bulk.approveAll(f.bernd, new Approval(batch, check.sampleId(), check.sampleIds(),
                    "Stichprobe geprüft"));
            assertThat(approved.decided()).hasSize(5).doesNotContainAnyElementsOf(bernds);
            Map<SkipReason, List<Long>> skipped = approved.skipped().stream().collect(Collectors.groupingBy(
                    Skipped::reason, Collectors.mapping(Skipped::id, Collectors.toList())));
            assertThat(skipped.get(SkipReason.OWN_PROPOSAL)).containsExactlyInAnyOrderElementsOf(bernds);
            assertThat(skipped.get(SkipReason.ALREADY_DECIDED)).containsExactly(rejectedMeanwhile);
            for (long id : approved.decided()) {
                DecisionView d = f.review.decision(f.bernd, id);
                assertThat(d.state()).isEqualTo(DecisionState.EFFECTIVE);
                assertThat(d.reviewedBy()).isEqualTo("bernd");
                assertThat(d.proposedBy()).isEqualTo("anna");
            }
            for (long id : bernds) {
                assertThat(f.review.decision(f.bernd, id).state()).isEqualTo(DecisionState.PENDING);
            }
            assertThat(w.read(Journal::all)).filteredOn(e -> e.action().equals(de.grw.journal.JournalAction.DECISION_APPROVED.code())).hasSize(5);
        }
    }

    @Test
    void twoClerksProposingTheSameBandAtOnceDecideEachClusterOnce() throws Exception {
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            BulkFixture f = new BulkFixture(w, dir);
            BulkReview bulk = new BulkReview(f.review);
            Sample annas = bulk.sampleForProposal(f.anna, List.of(), 0, 1, "AZ-4");
            Sample carls = bulk.sampleForProposal(f.carl, List.of(), 0, 1, "AZ-5");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Result> a = () -> {
                    start.await();
                    return bulk.proposeAll(f.anna, new Proposal(List.of(), 0, 1, annas.batch(), annas.sampleId(),
                            annas.sampleIds(), "", "AZ-4"));
                };
                Callable<Result> c = () -> {
                    start.await();
                    return bulk.proposeAll(f.carl, new Proposal(List.of(), 0, 1, carls.batch(), carls.sampleId(),
                            carls.sampleIds(), "", "AZ-5"));
                };
                Future<Result> fa = pool.submit(a);
                Future<Result> fc = pool.submit(c);
                start.countDown();
                Result ra = fa.get();
                Result rc = fc.get();
                assertThat(ra.decided().size() + rc.decided().size()).isEqualTo(8);
                assertThat(ra.skipped().size() + rc.skipped().size()).isEqualTo(8);
                assertThat(ra.skipped()).allMatch(s -> s.reason() == SkipReason.ALREADY_DECIDED);
                assertThat(rc.skipped()).allMatch(s -> s.reason() == SkipReason.ALREADY_DECIDED);
            } finally {
                pool.shutdownNow();
            }
            // one pending merge per cluster, never two
            List<DecisionView> pending = f.review.pendingApprovals(f.bernd);
            assertThat(pending).hasSize(8);
            assertThat(pending.stream().map(DecisionView::clusterId).distinct()).hasSize(8);
        }
    }
}
