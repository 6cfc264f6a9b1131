package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.GovernanceConfig;
import de.grw.store.Settings;
import de.grw.workspace.TestWorkspaces;
import de.grw.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each decision carries user, time, comment and case reference; the workspace's governance says which are
 * mandatory. A rejection needs a comment and returns the cluster to the queue with it.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class MandatoryDetailsTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private TestWorkspaces.Fixture f;
    private Workspace w;
    private ReviewService review;
    private long cluster;
    private List<Long> members;

    @BeforeEach
    void open() {
        f = TestWorkspaces.open(store, dir);
        w = f.workspace();
        review = f.review();
        cluster = review.queue(f.clerk(), null, 0).stream().filter(q -> q.size() == 2).findFirst()
                .map(QueueEntry::clusterId).orElseThrow();
        members = TestWorkspaces.members(w, cluster);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void assertRefusedWithoutEffect(ThrowingCallable call, String message) {
        long decisions = TestWorkspaces.count(w, "SELECT count(*) FROM decisions");
        long journal = TestWorkspaces.count(w, "SELECT count(*) FROM journal");
        List<List<Object>> clusters = TestWorkspaces.rows(w, "SELECT id, status, note FROM clusters ORDER BY id");
        assertThatThrownBy(call).isInstanceOf(UserFacingException.class).hasMessage(message);
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM decisions")).isEqualTo(decisions);
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM journal")).isEqualTo(journal);
        assertThat(TestWorkspaces.rows(w, "SELECT id, status, note FROM clusters ORDER BY id")).isEqualTo(clusters);
    }

    @Test
    void decisionsWithoutTheMandatoryDetailsAreRefused() {
        MergeCommand merge = new MergeCommand(members, Map.of());
        String noCase = "a merge decision needs a case reference (Aktenzeichen)";
        assertRefusedWithoutEffect(() -> review.propose(f.clerk(), cluster, merge, "gleich", null), noCase);
        assertRefusedWithoutEffect(() -> review.propose(f.clerk(), cluster, merge, "gleich", ""), noCase);
        assertRefusedWithoutEffect(() -> review.propose(f.clerk(), cluster, merge, "gleich", "  \t"), noCase);
        assertRefusedWithoutEffect(() -> review.propose(f.clerk(), cluster, new NotDuplicateCommand(members.get(0),
                members.get(1)), "verschieden", ""),
                "a not duplicate decision needs a case reference (Aktenzeichen)");
        assertRefusedWithoutEffect(() -> review.propose(f.clerk(), cluster, new DeferCommand(), " ", "AZ-1"),
                "a defer decision needs a comment");
        assertRefusedWithoutEffect(() -> review.show(f.clerk(), cluster, null),
                "showing personal data needs a case reference (Aktenzeichen) for the access log");

        // with the details, the decision carries user, time, comment and case reference
        DecisionView d = review.propose(f.clerk(), cluster, merge, "", "AZ 50.21-17/2026");
        assertThat(d.proposedBy()).isEqualTo(f.clerk().user());
        assertThat(d.proposedAt()).isNotBlank();
        assertThat(java.time.Instant.parse(d.proposedAt())).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(d.caseRef()).isEqualTo("AZ 50.21-17/2026");
        assertThat(d.comment()).isEmpty();
        JournalEntry last = w.read(Journal::all).stream().reduce((a, b) -> b).orElseThrow();
        assertThat(last.action()).isEqualTo("decision.proposed");
        assertThat(last.user()).isEqualTo(f.clerk().user());
        assertThat(CanonicalJson.parse(last.payload()).path("case").asText()).isEqualTo("AZ 50.21-17/2026");
        assertRefusedWithoutEffect(() -> review.revert(f.clerk(), d.id(), null, "AZ-1"),
                "a revert needs a comment saying why");
    }

    @Test
    void aRejectionNeedsACommentAndReturnsTheClusterWithIt() {
        DecisionView d = review.propose(f.clerk(), cluster, new MergeCommand(members, Map.of()), "gleich", "AZ-2");
        assertThat(review.queue(f.clerk(), null, 0)).extracting(QueueEntry::clusterId).doesNotContain(cluster);
        assertRefusedWithoutEffect(() -> review.reject(f.supervisor(), d.id(), null),
                "a rejection needs a comment for the clerk");
        assertRefusedWithoutEffect(() -> review.reject(f.supervisor(), d.id(), "   "),
                "a rejection needs a comment for the clerk");

        DecisionView rejected = review.reject(f.supervisor(), d.id(), "Geburtsdaten weichen ab, bitte prüfen");
        assertThat(rejected.state()).isEqualTo(DecisionState.REJECTED);
        assertThat(rejected.reviewedBy()).isEqualTo(f.supervisor().user());
        assertThat(rejected.reviewComment()).isEqualTo("Geburtsdaten weichen ab, bitte prüfen");
        QueueEntry back = review.queue(f.clerk(), null, 0).stream().filter(q -> q.clusterId() == cluster)
                .findFirst().orElseThrow();
        assertThat(back.status()).isEqualTo(ClusterStatus.OPEN);
        assertThat(back.note()).isEqualTo("rejected by " + f.supervisor().user()
                + ": Geburtsdaten weichen ab, bitte prüfen");
        ClusterView view = review.show(f.clerk(), cluster, "AZ-2");
        assertThat(view.note()).contains("Geburtsdaten weichen ab");
        assertThat(view.decisions()).extracting(DecisionView::state).containsExactly(DecisionState.REJECTED);
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_records")).isZero();
        // a rejected merge cannot be approved afterwards, and the clerk can propose anew
        assertThatThrownBy(() -> review.approve(f.supervisor2(), d.id(), "doch"))
                .hasMessageContaining("not a merge waiting for approval");
        assertThat(review.propose(f.clerk(), cluster, new MergeCommand(members, Map.of()), "geprüft", "AZ-2")
                .state()).isEqualTo(DecisionState.PENDING);
    }

    @Test
    void whichDetailsAreMandatoryIsConfigurable() {
        GovernanceConfig g = review.governance();
        GovernanceConfig relaxed = new GovernanceConfig(g.description(), g.blockingNoticeField(), g.maskedFields(),
                g.survivorship(), new GovernanceConfig.Required(List.of(), List.of(), false));
        w.write(c -> {
            Settings.put(c, Settings.GOVERNANCE, relaxed.toJson());
            return null;
        });
        ReviewService relaxedReview = new ReviewService(w);
        DecisionView d = relaxedReview.propose(f.clerk(), cluster, new MergeCommand(members, Map.of()), null, null);
        assertThat(d.caseRef()).isEmpty();
        assertThat(relaxedReview.reject(f.supervisor(), d.id(), null).state()).isEqualTo(DecisionState.REJECTED);
        assertThat(relaxedReview.show(f.clerk(), cluster, null).members()).hasSize(2);
    }
}
