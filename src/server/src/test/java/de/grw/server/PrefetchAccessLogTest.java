package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.grw.api.AccessEntry;
import de.grw.api.SignedIn;
import de.grw.api.Workbench;
import de.grw.api.local.LocalWorkbench;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.common.UserFacingException;
import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's read-ahead (issue 13): {@code prefetch} returns a cluster as {@code show} does but writes no access-log
 * entry and takes no claim; {@code shown} then logs the display exactly once and claims it. Checked in both modes the
 * desktop works in: a local workspace and a workspace server (the route, the remote client).
 */
class PrefetchAccessLogTest {
    @TempDir
    Path dir;

    @Test
    void aPrefetchedClusterIsLoggedOnlyWhenShownAndThenOnceInALocalWorkspace() {
        try (LocalWorkbench w = LocalWorkbench.open(TestWorkspaces.copyTo(dir))) {
            prefetchThenShow(w);
        }
    }

    @Test
    void aPrefetchedClusterIsLoggedOnlyWhenShownAndThenOnceThroughTheServer() {
        TestServer s = TestServer.start(dir);
        try (RemoteWorkbench w = s.remote()) {
            prefetchThenShow(w);
        } finally {
            s.close();
        }
    }

    private static List<AccessEntry> shows(SignedIn admin, String caseRef) {
        return admin.accessLog().query(null, TestWorkspaces.CLERK, 0).stream()
                .filter(e -> e.action().equals("SHOW") && caseRef.equals(e.caseRef())).toList();
    }

    private static void prefetchThenShow(Workbench w) {
        SignedIn anna = w.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
        SignedIn dora = w.signIn(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD.toCharArray());
        SignedIn admin = w.signIn(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray());
        var queue = anna.review().queue(EnumSet.of(ClusterStatus.OPEN), 2);
        long never = queue.get(0).clusterId();
        long seen = queue.get(1).clusterId();

        // read ahead, never shown: the same cluster show returns, no access-log entry, no claim
        ClusterView ahead = anna.review().prefetch(never, "AZ-PRE-1");
        assertThat(ahead.clusterId()).isEqualTo(never);
        assertThat(ahead.members()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(shows(admin, "AZ-PRE-1")).isEmpty();
        assertThat(anna.review().claimOf(never)).isEmpty();
        // another clerk may still take it: the read-ahead held nothing
        assertThat(dora.review().claim(never)).hasValueSatisfying(c -> assertThat(c.user()).isEqualTo("dora"));

        // read ahead, then shown: exactly one entry naming the cluster's records, and the clerk's claim
        ClusterView read = anna.review().prefetch(seen, "AZ-PRE-2");
        assertThat(shows(admin, "AZ-PRE-2")).isEmpty();
        Optional<ClaimView> claim = anna.review().shown(seen, "AZ-PRE-2");
        assertThat(claim).hasValueSatisfying(c -> assertThat(c.mine()).isTrue());
        List<AccessEntry> logged = shows(admin, "AZ-PRE-2");
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).detail()).isEqualTo("cluster " + seen);
        assertThat(logged.get(0).recordIds()).containsExactlyInAnyOrderElementsOf(
                read.members().stream().map(MemberRecord::id).toList());
        // the first still has no entry; prefetching it again adds none either
        anna.review().prefetch(never, "AZ-PRE-1");
        assertThat(shows(admin, "AZ-PRE-1")).isEmpty();

        // the same rules as show: a case reference is required where the workspace demands one (the samples do)
        UserFacingException noCase = catchThrowableOfType(() -> anna.review().prefetch(seen, " "),
                UserFacingException.class);
        assertThat(noCase).isNotNull();
        assertThat(shows(admin, "AZ-PRE-2")).hasSize(1);
    }
}
