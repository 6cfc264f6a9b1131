package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.grw.api.Changes;
import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.common.UserFacingException;
import de.grw.review.DeferCommand;
import de.grw.review.MemberRecord;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.server.TestServer.Response;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Claims on clusters (a clerk who opens a cluster reviews it alone until the claim expires) and the change feed,
 * through the server and on a local workspace: the rule is the engine's, so both enforce it.
 */
class ClaimsAndChangesTest extends RemotePerTest {
    private SignedIn anna() {
        return w.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
    }

    private SignedIn dora() {
        return w.signIn(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD.toCharArray());
    }

    private static List<Long> queue(SignedIn user) {
        return user.review().queue(EnumSet.of(ClusterStatus.OPEN), 0).stream().map(QueueEntry::clusterId).toList();
    }

    @Test
    void anOpenedClusterIsTheOpenersUntilTheClaimExpires() throws Exception {
        SignedIn anna = anna();
        SignedIn dora = dora();
        long cluster = queue(anna).get(0);
        List<Long> members = anna.review().show(cluster, "AZ-C1").members().stream().map(MemberRecord::id).toList();

        ClaimView held = dora.review().claimOf(cluster).orElseThrow();
        assertThat(held.user()).isEqualTo("anna");
        assertThat(held.mine()).isFalse();
        assertThat(java.time.Instant.parse(held.until())).isAfter(s.clock.instant().plus(Duration.ofMinutes(9)));
        assertThat(anna.review().claimOf(cluster).orElseThrow().mine()).isTrue();
        // dora's queue skips it, anna's keeps it
        assertThat(queue(dora)).doesNotContain(cluster);
        assertThat(queue(anna)).contains(cluster);

        // dora opens it read-only (her claim does not replace anna's) and may not decide
        dora.review().show(cluster, "AZ-C2");
        assertThat(dora.review().claim(cluster).orElseThrow().user()).isEqualTo("anna");
        UserFacingException refused = catchThrowableOfType(() -> dora.review().propose(cluster,
                new MergeCommand(members, Map.of()), "gleich", "AZ-C2"), UserFacingException.class);
        assertThat(refused.text().key()).isEqualTo("review.claimed");
        assertThat(refused.getMessage()).contains("anna");
        // over HTTP: 409, with the holder named
        String token = s.token(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD);
        Response http = s.post("/api/v1/clusters/" + cluster + "/decisions", token, Map.of("command",
                Map.of("decision", "DEFER"), "comment", "später", "caseRef", "AZ-C2"));
        assertThat(http.status()).as(http.toString()).isEqualTo(409);
        assertThat(http.json().path("args").get(1).asText()).isEqualTo("anna");
        try (Connection c = s.sql(); ResultSet r = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM decisions WHERE cluster_id = " + cluster)) {
            assertThat(r.next() && r.getLong(1) == 0).as("no decision stored").isTrue();
        }

        // renewed while open: nine minutes on, anna renews; eleven minutes after that it has expired
        s.clock.advance(Duration.ofMinutes(9));
        anna.review().claim(cluster);
        s.clock.advance(Duration.ofMinutes(9));
        assertThat(dora.review().claimOf(cluster).orElseThrow().user()).isEqualTo("anna");
        s.clock.advance(Duration.ofMinutes(2));
        assertThat(dora.review().claimOf(cluster)).isEmpty();
        assertThat(queue(dora)).contains(cluster);
        DecisionView deferred = dora.review().propose(cluster, new DeferCommand(), "später", "AZ-C3");
        assertThat(deferred.proposedBy()).isEqualTo("dora");
        assertThat(anna.review().claimOf(cluster)).as("a decision ends the claims").isEmpty();

        // releasing: anna opens another cluster and closes it without a decision; dora gets it at once
        long other = queue(anna).get(0);
        anna.review().show(other, "AZ-C4");
        assertThat(queue(dora)).doesNotContain(other);
        anna.review().release(other);
        assertThat(queue(dora)).contains(other);
    }

    @Test
    void twoClerksRacingForOneClusterOneHoldsItAndTheOtherIsTold() throws Exception {
        SignedIn anna = anna();
        SignedIn dora = dora();
        List<Long> clusters = queue(anna).subList(0, 12);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long cluster : clusters) {
                CountDownLatch go = new CountDownLatch(1);
                Callable<Optional<ClaimView>> a = () -> {
                    go.await();
                    return anna.review().claim(cluster);
                };
                Callable<Optional<ClaimView>> d = () -> {
                    go.await();
                    return dora.review().claim(cluster);
                };
                Future<Optional<ClaimView>> fa = pool.submit(a);
                Future<Optional<ClaimView>> fd = pool.submit(d);
                go.countDown();
                ClaimView ca = fa.get(30, TimeUnit.SECONDS).orElseThrow();
                ClaimView cd = fd.get(30, TimeUnit.SECONDS).orElseThrow();
                // both see the same winner, exactly one of them holds it
                assertThat(ca.user()).isEqualTo(cd.user()).isIn("anna", "dora");
                assertThat(ca.mine() ^ cd.mine()).as("cluster " + cluster).isTrue();
                try (Connection c = s.sql(); ResultSet r = c.createStatement().executeQuery(
                        "SELECT user_name FROM cluster_claims WHERE cluster_id = " + cluster)) {
                    List<String> rows = new ArrayList<>();
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                    assertThat(rows).containsExactly(ca.user());
                }
                // and only the winner may decide
                SignedIn loser = ca.user().equals("anna") ? dora : anna;
                assertThat(catchThrowableOfType(() -> loser.review().propose(cluster, new DeferCommand(),
                        "später", "AZ-R"), UserFacingException.class).text().key()).isEqualTo("review.claimed");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLocalWorkspaceEnforcesTheClaimAsWell() throws Exception {
        Path copy = dir.resolve("local");
        Files.createDirectories(copy);
        try (LocalWorkbench local = LocalWorkbench.open(TestWorkspaces.copyTo(copy));
             SignedIn anna = local.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
             SignedIn dora = local.signIn(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD.toCharArray())) {
            long cluster = queue(anna).get(0);
            anna.review().show(cluster, "AZ-L1");
            assertThat(queue(dora)).doesNotContain(cluster);
            UserFacingException refused = catchThrowableOfType(() -> dora.review().propose(cluster,
                    new DeferCommand(), "später", "AZ-L2"), UserFacingException.class);
            assertThat(refused.text().key()).isEqualTo("review.claimed");
            assertThat(anna.review().propose(cluster, new DeferCommand(), "später", "AZ-L1").proposedBy())
                    .isEqualTo("anna");
        }
    }

    @Test
    void theChangeFeedWakesAWaitingClientWhenSomeoneDecides() throws Exception {
        SignedIn anna = anna();
        SignedIn dora = dora();
        Changes now = dora.journal().changes(0, 0);
        assertThat(now.changes()).isNotEmpty();
        assertThat(now.latest()).isEqualTo(now.changes().get(now.changes().size() - 1).seq());
        Changes page = dora.journal().changes(now.latest(), 0);
        while (page.latest() > now.latest() && !page.changes().isEmpty()) { // more than a page in the sample
            now = page;
            page = dora.journal().changes(now.latest(), 0);
        }
        long seen = page.latest();
        // nothing new: a short wait ends empty
        long t0 = System.nanoTime();
        Changes none = dora.journal().changes(seen, 1);
        assertThat(none.changes()).isEmpty();
        assertThat(none.latest()).isEqualTo(seen);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(900_000_000L);

        long cluster = queue(anna).get(0);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Changes> waiting = pool.submit(() -> dora.journal().changes(seen, 20));
            Thread.sleep(500);
            assertThat(waiting.isDone()).isFalse();
            long start = System.nanoTime();
            anna.review().propose(cluster, new DeferCommand(), "später", "AZ-F1");
            Changes woke = waiting.get(15, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(woke.changes()).anySatisfy(c -> {
                assertThat(c.user()).isEqualTo("anna");
                assertThat(c.action()).startsWith("decision.");
                assertThat(c.clusterId()).isEqualTo(cluster);
            });
            assertThat(woke.latest()).isGreaterThan(seen);
        } finally {
            pool.shutdownNow();
        }
        Response bad = s.get("/api/v1/changes?after=0&wait=99", s.token(TestWorkspaces.CLERK,
                TestWorkspaces.CLERK_PASSWORD));
        assertThat(bad.status()).isEqualTo(400);
    }
}
