package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.review.ReviewViews.DecisionView;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.SampleWorkspaceTest;
import de.grw.workspace.TestWorkspaces;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rights are enforced in the engine: a clerk cannot approve, nobody approves their own merge, an administrator
 * neither decides nor approves, and only a supervisor undoes an approved merge. A refused attempt changes nothing.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DecisionRightsTest extends SampleWorkspaceTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private long cluster(int index) {
        return review.queue(f.clerk(), null, 0).get(index).clusterId();
    }

    private DecisionView proposeMerge(Session by, long cluster) {
        return review.propose(by, cluster, new MergeCommand(TestWorkspaces.members(w, cluster), Map.of()),
                "dieselbe Person", "AZ-100");
    }

    private long journalLength() {
        return TestWorkspaces.count(w, "SELECT count(*) FROM journal");
    }

    /** Asserts the call is denied and leaves decisions, clusters, golden records and journal as they were. */
    private void assertDeniedWithoutEffect(ThrowingCallable call, String message) {
        List<List<Object>> decisions = TestWorkspaces.rows(w, "SELECT * FROM decisions ORDER BY id");
        List<List<Object>> clusters = TestWorkspaces.rows(w, "SELECT id, status, note FROM clusters ORDER BY id");
        long golden = TestWorkspaces.count(w, "SELECT count(*) FROM golden_records");
        long journal = journalLength();
        assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class).hasMessageContaining(message);
        assertThat(TestWorkspaces.rows(w, "SELECT * FROM decisions ORDER BY id")).isEqualTo(decisions);
        assertThat(TestWorkspaces.rows(w, "SELECT id, status, note FROM clusters ORDER BY id")).isEqualTo(clusters);
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_records")).isEqualTo(golden);
        assertThat(journalLength()).isEqualTo(journal);
    }

    @Test
    void aClerkCannotApproveOrReject() {
        long cluster = cluster(0);
        DecisionView merge = proposeMerge(f.clerk(), cluster);
        assertDeniedWithoutEffect(() -> review.approve(f.clerk2(), merge.id(), "passt"), "may not approve merges");
        assertDeniedWithoutEffect(() -> review.approve(f.clerk(), merge.id(), "passt"), "may not approve merges");
        assertDeniedWithoutEffect(() -> review.reject(f.clerk2(), merge.id(), "nein"), "may not reject merges");
        assertThat(review.decision(f.clerk(), merge.id()).state()).isEqualTo(DecisionState.PENDING);
        assertThat(TestWorkspaces.rows(w, "SELECT status FROM clusters WHERE id = ?", cluster))
                .containsExactly(List.of(ClusterStatus.AWAITING_APPROVAL.name()));

        DecisionView approved = review.approve(f.supervisor(), merge.id(), "geprüft");
        assertThat(approved.state()).isEqualTo(DecisionState.EFFECTIVE);
        assertThat(approved.reviewedBy()).isEqualTo(f.supervisor().user());
        assertThat(approved.proposedBy()).isEqualTo(f.clerk().user());
    }

    @Test
    void nobodyApprovesTheirOwnMerge() {
        long cluster = cluster(0);
        DecisionView merge = proposeMerge(f.supervisor(), cluster);
        assertDeniedWithoutEffect(() -> review.approve(f.supervisor(), merge.id(), "passt"), "four-eyes principle");
        assertDeniedWithoutEffect(() -> review.reject(f.supervisor(), merge.id(), "doch nicht"),
                "four-eyes principle");
        DecisionView approved = review.approve(f.supervisor2(), merge.id(), "geprüft");
        assertThat(approved.state()).isEqualTo(DecisionState.EFFECTIVE);
        assertThat(approved.reviewedBy()).isEqualTo(f.supervisor2().user()).isNotEqualTo(approved.proposedBy());
        // an approved merge cannot be approved again
        assertThatThrownBy(() -> review.approve(f.supervisor(), merge.id(), "nochmal"))
                .hasMessageContaining("not a merge waiting for approval");
    }

    @Test
    void anAdministratorNeitherDecidesNorApproves() {
        long cluster = cluster(0);
        List<Long> members = TestWorkspaces.members(w, cluster);
        assertDeniedWithoutEffect(() -> review.propose(f.admin(), cluster, new MergeCommand(members, Map.of()),
                "x", "AZ-1"), "may not decide");
        assertDeniedWithoutEffect(() -> review.propose(f.admin(), cluster, new DeferCommand(), "x", "AZ-1"),
                "may not decide");
        assertDeniedWithoutEffect(() -> review.show(f.admin(), cluster, "AZ-1"), "may not see records");
        DecisionView merge = proposeMerge(f.clerk(), cluster);
        assertDeniedWithoutEffect(() -> review.approve(f.admin(), merge.id(), "ok"), "may not approve");
        assertDeniedWithoutEffect(() -> review.reject(f.admin(), merge.id(), "nein"), "may not reject");
        assertDeniedWithoutEffect(() -> review.revert(f.admin(), merge.id(), "weg", "AZ-1"), "may not revert");
    }

    @Test
    void aClerkRevertsTheirOwnDeferralButNotAnApprovedMerge() {
        long deferred = cluster(0);
        long merged = cluster(1);
        DecisionView defer = review.propose(f.clerk(), deferred, new DeferCommand(), "Rückfrage", "");
        assertThat(defer.state()).isEqualTo(DecisionState.EFFECTIVE);
        // another clerk may not undo it
        assertDeniedWithoutEffect(() -> review.revert(f.clerk2(), defer.id(), "weg", "AZ-1"), "may not revert");
        DecisionView undone = review.revert(f.clerk(), defer.id(), "doch klar", "");
        assertThat(undone.kind()).isEqualTo(DecisionKind.REVERT);
        assertThat(undone.reverts()).isEqualTo(defer.id());
        assertThat(review.decision(f.clerk(), defer.id()).state()).isEqualTo(DecisionState.REVERTED);
        assertThat(TestWorkspaces.rows(w, "SELECT status FROM clusters WHERE id = ?", deferred))
                .containsExactly(List.of("OPEN"));

        DecisionView merge = proposeMerge(f.clerk(), merged);
        review.approve(f.supervisor(), merge.id(), "geprüft");
        assertDeniedWithoutEffect(() -> review.revert(f.clerk(), merge.id(), "falsch", "AZ-1"),
                "undoing an approved merge needs a supervisor");
        assertDeniedWithoutEffect(() -> review.revert(f.clerk2(), merge.id(), "falsch", "AZ-1"), "may not revert");
        DecisionView unmerge = review.revert(f.supervisor2(), merge.id(), "falsch zusammengeführt", "AZ-1");
        assertThat(unmerge.proposedBy()).isEqualTo(f.supervisor2().user());
        assertThat(review.decision(f.clerk(), merge.id()).state()).isEqualTo(DecisionState.REVERTED);
    }

    @Test
    void aClerkWithdrawsTheirOwnPendingMerge() {
        long cluster = cluster(0);
        DecisionView merge = proposeMerge(f.clerk(), cluster);
        assertDeniedWithoutEffect(() -> review.revert(f.clerk2(), merge.id(), "weg", "AZ-1"), "may not revert");
        review.revert(f.clerk(), merge.id(), "zu früh", "AZ-1");
        assertThat(review.decision(f.clerk(), merge.id()).state()).isEqualTo(DecisionState.WITHDRAWN);
        assertThatThrownBy(() -> review.approve(f.supervisor(), merge.id(), "ok"))
                .hasMessageContaining("not a merge waiting for approval");
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_records")).isZero();
    }
}
