package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.grw.api.SignedIn;
import de.grw.api.WorkbenchInfo;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.common.UserFacingException;
import de.grw.journal.JournalVerifier;
import de.grw.review.DecisionState;
import de.grw.review.MergeCommand;
import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service interfaces against a running workspace server ({@link RemoteWorkbench}): a clerk and a supervisor at
 * their own workstations do the review and the four-eyes approval, and every refusal comes back as the exception a
 * local call throws, with the server's message key. The certificate is pinned by its fingerprint.
 */
class RemoteWorkbenchTest extends SharedServerTest {
    @Test
    void aClerkProposesAMergeAndASupervisorApprovesItThroughTheClient() {
        try (RemoteWorkbench anna = RemoteWorkbench.connect(url, fingerprint);
             RemoteWorkbench bernd = RemoteWorkbench.connect(url.toString(), fingerprint.replace(":", "")
                     .toLowerCase(java.util.Locale.ROOT))) {
            SignedIn clerk = anna.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            assertThat(clerk.user()).isEqualTo("anna");
            assertThat(clerk.role()).isEqualTo(Role.CLERK);
            assertThat(clerk.may(Permission.DECIDE)).isTrue();
            assertThat(clerk.may(Permission.APPROVE)).isFalse();
            WorkbenchInfo info = anna.info();
            assertThat(info.kind()).isEqualTo(WorkbenchInfo.Kind.REMOTE);
            assertThat(info.name()).isEqualTo("Musterstadt");
            assertThat(info.profile()).isEqualTo("person-de");

            List<QueueEntry> queue = clerk.review().queue(EnumSet.of(ClusterStatus.OPEN), 3);
            assertThat(queue).hasSize(3);
            assertThat(clerk.review().count(EnumSet.of(ClusterStatus.OPEN))).isGreaterThan(3);
            long cluster = queue.get(0).clusterId();
            ClusterView view = clerk.review().show(cluster, "AZ-REMOTE-1");
            List<Long> members = view.members().stream().map(MemberRecord::id).toList();
            assertThat(members).hasSizeGreaterThanOrEqualTo(2);
            assertThat(clerk.review().memberIds(cluster)).containsExactlyInAnyOrderElementsOf(members);
            assertThat(clerk.governance().profile().name()).isEqualTo("person-de");
            assertThat(clerk.review().comparisons().cluster(view, null, Map.of()).rows()).isNotEmpty();

            DecisionView proposed = clerk.review().propose(cluster, new MergeCommand(members, Map.of()),
                    "gleiche Person", "AZ-REMOTE-1");
            assertThat(proposed.state()).isEqualTo(DecisionState.PENDING);
            assertThat(proposed.proposedBy()).isEqualTo("anna");

            // the clerk may not approve: refused by the server's rights, as the engine refuses it locally
            AccessDeniedException denied = catchThrowableOfType(
                    () -> clerk.approval().approve(proposed.id(), "selbst"), AccessDeniedException.class);
            assertThat(denied).isNotNull();
            assertThat(denied.text().key()).isEqualTo("access.denied");

            SignedIn supervisor = bernd.signIn(TestWorkspaces.SUPERVISOR,
                    TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray());
            assertThat(supervisor.approval().pending()).extracting(DecisionView::id).contains(proposed.id());
            DecisionView approved = supervisor.approval().approve(proposed.id(), "geprüft");
            assertThat(approved.state()).isEqualTo(DecisionState.EFFECTIVE);
            assertThat(approved.reviewedBy()).isEqualTo("bernd");

            // twice: the workspace's state refuses it, with the engine's key
            UserFacingException twice = catchThrowableOfType(
                    () -> supervisor.approval().approve(proposed.id(), null), UserFacingException.class);
            assertThat(twice.text().key()).isEqualTo("review.not_awaiting");

            JournalVerifier.Result verified = clerk.journal().verify();
            assertThat(verified.ok()).as(verified.toString()).isTrue();
        }
    }

    @Test
    void aSupervisorCannotApproveTheirOwnProposal() {
        try (RemoteWorkbench w = RemoteWorkbench.connect(url, fingerprint);
             SignedIn carla = w.signIn(TestWorkspaces.SUPERVISOR2, TestWorkspaces.SUPERVISOR2_PASSWORD.toCharArray())) {
            long cluster = carla.review().queue(EnumSet.of(ClusterStatus.OPEN), 5).get(4).clusterId();
            List<Long> members = carla.review().show(cluster, "AZ-REMOTE-2").members().stream()
                    .map(MemberRecord::id).toList();
            DecisionView own = carla.review().propose(cluster, new MergeCommand(members, Map.of()), null,
                    "AZ-REMOTE-2");
            AccessDeniedException e = catchThrowableOfType(() -> carla.approval().approve(own.id(), null),
                    AccessDeniedException.class);
            assertThat(e.text().key()).isEqualTo("review.four_eyes_approve");
        }
    }

    @Test
    void refusalsComeBackAsTheLocalExceptionsWithTheServersKeys() {
        try (RemoteWorkbench w = RemoteWorkbench.connect(url, fingerprint)) {
            AccessDeniedException wrong = catchThrowableOfType(
                    () -> w.signIn(TestWorkspaces.CLERK, "falsch".toCharArray()), AccessDeniedException.class);
            assertThat(wrong.text().key()).isEqualTo("users.wrong_login");

            SignedIn dora = w.signIn(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD.toCharArray());
            UserFacingException none = catchThrowableOfType(() -> dora.review().show(999_999, "AZ-REMOTE-3"),
                    UserFacingException.class);
            assertThat(none.text().key()).isEqualTo("review.no_cluster");
            assertThat(none.getMessage()).contains("999999");

            // a database export would have the server connect wherever the client says: not offered
            UserFacingException notOffered = catchThrowableOfType(() -> dora.export().toDatabase(
                    new de.grw.api.DatabaseExport("jdbc:sqlite:" + dir.resolve("x.db"), null, null, "golden", null,
                            null, false, false, null)), UserFacingException.class);
            assertThat(notOffered.text().key()).isEqualTo("remote.not_offered");
            assertThat(notOffered.getMessage()).contains("ExportApi.toDatabase");
            assertThat(dir.resolve("x.db")).doesNotExist();

            int before = s.server.sessions().size();
            dora.close();
            assertThat(s.server.sessions().size()).isEqualTo(before - 1);
            AccessDeniedException out = catchThrowableOfType(() -> dora.review(), AccessDeniedException.class);
            assertThat(out.text().key()).isEqualTo("users.signed_out");
        }
    }

    @Test
    void aWrongFingerprintRefusesTheConnectionBeforeAnyPasswordIsSent() {
        String other = "AB:".repeat(31) + "AB";
        UserFacingException e = catchThrowableOfType(() -> RemoteWorkbench.connect(url, other),
                UserFacingException.class);
        assertThat(e.text().key()).isEqualTo("remote.fingerprint_mismatch");
        assertThat(e.getMessage()).contains(fingerprint.replace(":", "").toLowerCase(java.util.Locale.ROOT));

        // without a fingerprint the JVM's certificate authorities decide: a self-signed certificate is not trusted
        UserFacingException untrusted = catchThrowableOfType(() -> RemoteWorkbench.connect(url, null),
                UserFacingException.class);
        assertThat(untrusted.text().key()).isIn("remote.untrusted", "remote.unreachable");

        assertThatThrownBy(() -> RemoteWorkbench.connect(url, "not-a-fingerprint"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> RemoteWorkbench.connect("http://localhost:" + url.getPort(), fingerprint))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("https://");
    }
}
