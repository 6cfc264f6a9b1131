package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalVerifier;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.PostgresDatabases;
import de.grw.store.PostgresStore;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Six clerks and two supervisors decide on and approve the same few clusters at once, each in a thread of its own
 * with the workspace shared as a server shares it: PostgreSQL with the writer lock, PostgreSQL with serializable
 * transactions and retries alone (no lock), and the SQLite file. Afterwards every acknowledged decision, approval,
 * rejection and display is in the store exactly once and nothing else is; no cluster was decided twice (the journal,
 * replayed cluster by cluster, never shows a decision on a cluster that was not open, nor an approval of a merge
 * that was not waiting); nobody approved or rejected their own proposal although both supervisors tried; each record
 * belongs to at most one golden record; the journal verifies.
 */
class ConcurrentDecisionsTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final int CLERK_ATTEMPTS = 14;
    private static final int SUPERVISOR_ATTEMPTS = 30;
    /** Clerks choose among this many clusters at the head of the queue, so that they collide. */
    private static final int HEAD = 8;

    enum Setup {
        POSTGRESQL_WRITER_LOCK, POSTGRESQL_SERIALIZABLE_ONLY, SQLITE
    }

    @TempDir
    Path dir;

    /** What the threads were told succeeded. */
    private final ConcurrentLinkedQueue<DecisionView> proposed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> approved = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> rejected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger shown = new AtomicInteger();
    private final AtomicInteger ownRefused = new AtomicInteger();
    private final AtomicInteger lostRaces = new AtomicInteger();
    /** Anything else that went wrong: must stay empty. */
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    @ParameterizedTest
    @EnumSource(Setup.class)
    void decisionsAndApprovalsAtOnceLoseNothingDoubleNothingAndKeepFourEyes(Setup setup) throws Exception {
        TestStore at;
        Workspace w;
        if (setup == Setup.SQLITE) {
            TestWorkspaces.Fixture f = TestWorkspaces.open(StoreKind.SQLITE, dir);
            at = f.store();
            w = f.workspace();
        } else {
            PostgresDatabases.requireServer();
            String db = PostgresDatabases.copyOf(TestWorkspaces.postgresTemplate());
            at = TestStore.postgres(db);
            w = Workspace.of(PostgresStore.open(PostgresDatabases.config(db).withPoolSize(10)
                    .withWriterLock(setup == Setup.POSTGRESQL_WRITER_LOCK), Clock.systemUTC()));
        }
        try (TestStore dropped = at; Workspace workspace = w) {
            run(workspace, setup);
        }
    }

    private void run(Workspace w, Setup setup) throws Exception {
        UserService users = new UserService(w);
        Session admin = users.login(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray());
        List<Session> clerks = new ArrayList<>(List.of(
                users.login(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray()),
                users.login(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD.toCharArray())));
        for (int i = 3; i <= 6; i++) {
            de.grw.workspace.TestWorkspaces.addAccount(users, admin, "clerk" + i, Role.CLERK, ("Sachbearbeitung-" + i));
            clerks.add(users.login("clerk" + i, ("Sachbearbeitung-" + i).toCharArray()));
        }
        List<Session> supervisors = List.of(
                users.login(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray()),
                users.login(TestWorkspaces.SUPERVISOR2, TestWorkspaces.SUPERVISOR2_PASSWORD.toCharArray()));
        ReviewService review = new ReviewService(w);
        long journalBefore = TestWorkspaces.count(w, "SELECT count(*) FROM journal");
        long accessBefore = TestWorkspaces.count(w, "SELECT count(*) FROM access_log");
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM decisions")).isZero();

        CyclicBarrier start = new CyclicBarrier(clerks.size() + supervisors.size());
        ExecutorService pool = Executors.newFixedThreadPool(clerks.size() + supervisors.size());
        List<Future<?>> running = new ArrayList<>();
        int seed = 1;
        for (Session clerk : clerks) {
            Random random = new Random(seed++);
            running.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < CLERK_ATTEMPTS; i++) {
                    clerkDecides(review, clerk, random);
                }
                return null;
            }));
        }
        for (Session supervisor : supervisors) {
            Random random = new Random(seed++);
            running.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < SUPERVISOR_ATTEMPTS; i++) {
                    supervisorWorks(review, supervisor, random);
                }
                return null;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        for (Future<?> f : running) {
            f.get();
        }
        assertThat(errors).as("nothing but lost races and four-eyes refusals").isEmpty();
        assertThat(proposed).hasSizeGreaterThan(20);
        assertThat(approved).isNotEmpty();
        assertThat(ownRefused.get()).as("the supervisors tried to approve their own proposals").isPositive();
        if (w.store() instanceof PostgresStore pg) {
            System.out.printf("%s: %d decisions, %d approved, %d rejected, %d shown, %d races lost, %d own approvals "
                    + "refused, %d transactions retried%n", setup, proposed.size(), approved.size(), rejected.size(),
                    shown.get(), lostRaces.get(), ownRefused.get(), pg.retries());
            if (setup == Setup.POSTGRESQL_WRITER_LOCK) {
                assertThat(pg.retries()).as("writers queue on the lock instead of failing").isZero();
            }
        }
        checkStore(w, journalBefore, accessBefore);
    }

    private void clerkDecides(ReviewService review, Session clerk, Random random) {
        List<QueueEntry> head = review.queue(clerk, null, HEAD);
        if (head.isEmpty()) {
            return;
        }
        QueueEntry q = head.get(random.nextInt(head.size()));
        try {
            review.show(clerk, q.clusterId(), "AZ-" + q.clusterId());
            shown.incrementAndGet();
            List<Long> members = review.memberIds(clerk, q.clusterId());
            int dice = random.nextInt(10);
            DecisionCommand command = dice < 6 ? new MergeCommand(members, Map.of())
                    : dice < 8 && members.size() == 2 ? new NotDuplicateCommand(members.get(0), members.get(1))
                    : new DeferCommand();
            proposed.add(review.propose(clerk, q.clusterId(), command, "Prüfung " + clerk.user(),
                    "AZ-" + q.clusterId()));
        } catch (UserFacingException e) {
            // another was first: decided already, or holds the claim (opened it a moment earlier)
            expected(e, "review.cluster_closed", "review.claimed");
        } catch (RuntimeException e) {
            errors.add(clerk.user() + ": " + e);
        }
    }

    private void supervisorWorks(ReviewService review, Session supervisor, Random random) {
        try {
            if (random.nextInt(4) == 0) {
                List<QueueEntry> head = review.queue(supervisor, null, HEAD);
                if (!head.isEmpty()) {
                    QueueEntry q = head.get(random.nextInt(head.size()));
                    DecisionView mine = review.propose(supervisor, q.clusterId(), new MergeCommand(
                            review.memberIds(supervisor, q.clusterId()), Map.of()), "selbst geprüft", "AZ-S");
                    proposed.add(mine);
                    approve(review, supervisor, mine.id(), random); // the four-eyes rule must refuse it
                }
                return;
            }
            List<DecisionView> pending = review.pendingApprovals(supervisor);
            if (!pending.isEmpty()) {
                approve(review, supervisor, pending.get(random.nextInt(pending.size())).id(), random);
            }
        } catch (UserFacingException e) {
            expected(e, "review.cluster_closed", "review.claimed");
        } catch (RuntimeException e) {
            errors.add(supervisor.user() + ": " + e);
        }
    }

    private void approve(ReviewService review, Session supervisor, long decision, Random random) {
        try {
            if (random.nextInt(5) == 0) {
                review.reject(supervisor, decision, "nicht dieselbe Person");
                rejected.add(decision);
            } else {
                review.approve(supervisor, decision, "geprüft");
                approved.add(decision);
            }
        } catch (AccessDeniedException e) {
            if (e.text() != null && e.text().key().startsWith("review.four_eyes_")) {
                ownRefused.incrementAndGet();
            } else {
                errors.add(supervisor.user() + ": " + e);
            }
        } catch (UserFacingException e) {
            expected(e, "review.not_awaiting");
        }
    }

    /** A refusal because another thread was first; anything else is an error. */
    private void expected(UserFacingException e, String... keys) {
        if (!(e instanceof AccessDeniedException) && e.text() != null && List.of(keys).contains(e.text().key())) {
            lostRaces.incrementAndGet();
        } else {
            errors.add(e.toString());
        }
    }

    private void checkStore(Workspace w, long journalBefore, long accessBefore) {
        Map<Long, DecisionView> acknowledged = new HashMap<>();
        for (DecisionView d : proposed) {
            assertThat(acknowledged.put(d.id(), d)).as("decision %d acknowledged twice", d.id()).isNull();
        }
        Map<Long, DecisionView> stored = new HashMap<>();
        for (DecisionView d : w.read(DecisionRepository::all)) {
            stored.put(d.id(), d);
        }
        assertThat(stored.keySet()).as("every acknowledged decision stored, nothing else")
                .isEqualTo(acknowledged.keySet());
        Set<Long> approvedIds = new HashSet<>(approved);
        Set<Long> rejectedIds = new HashSet<>(rejected);
        assertThat(approvedIds).hasSameSizeAs(approved);
        assertThat(rejectedIds).hasSameSizeAs(rejected);
        for (DecisionView d : stored.values()) {
            DecisionView ack = acknowledged.get(d.id());
            assertThat(d.clusterId()).isEqualTo(ack.clusterId());
            assertThat(d.kind()).isEqualTo(ack.kind());
            assertThat(d.proposedBy()).isEqualTo(ack.proposedBy());
            DecisionState expected = approvedIds.contains(d.id()) ? DecisionState.EFFECTIVE
                    : rejectedIds.contains(d.id()) ? DecisionState.REJECTED
                    : d.kind() == DecisionKind.MERGE ? DecisionState.PENDING : DecisionState.EFFECTIVE;
            assertThat(d.state()).as("decision %d", d.id()).isEqualTo(expected);
            if (d.reviewedBy() != null) {
                assertThat(d.reviewedBy()).as("four eyes on decision %d", d.id()).isNotEqualTo(d.proposedBy())
                        .isIn(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR2);
            }
            assertThat(d.reviewedBy() != null).isEqualTo(approvedIds.contains(d.id()) || rejectedIds.contains(d.id()));
        }

        // the journal: intact, one entry per acknowledged change, and, replayed cluster by cluster, no decision on a
        // cluster that was not open and no review of a merge that was not waiting
        List<JournalEntry> journal = w.read(Journal::all);
        JournalVerifier.Result verified = JournalVerifier.verify(journal.iterator());
        assertThat(verified.ok()).as(verified.describe()).isTrue();
        assertThat(journal.size() - journalBefore).isEqualTo(proposed.size() + approved.size() + rejected.size());
        Map<Long, ClusterStatus> status = new HashMap<>();
        Map<Long, Long> waiting = new HashMap<>();
        for (JournalEntry e : journal.subList((int) journalBefore, journal.size())) {
            JsonNode p = CanonicalJson.parse(e.payload());
            long cluster = p.path("cluster").asLong();
            long decision = p.path("decision").asLong();
            ClusterStatus now = status.getOrDefault(cluster, ClusterStatus.OPEN);
            switch (e.action()) {
                case "decision.proposed", "decision.taken" -> {
                    assertThat(now).as("decision %d on cluster %d", decision, cluster)
                            .isIn(ClusterStatus.OPEN, ClusterStatus.DEFERRED);
                    DecisionKind kind = DecisionKind.valueOf(p.path("kind").asText());
                    if (kind == DecisionKind.MERGE) {
                        status.put(cluster, ClusterStatus.AWAITING_APPROVAL);
                        waiting.put(cluster, decision);
                    } else if (kind == DecisionKind.DEFER) {
                        status.put(cluster, ClusterStatus.DEFERRED);
                    } else if (kind == DecisionKind.NOT_DUPLICATE) {
                        status.put(cluster, ClusterStatus.NOT_DUPLICATE);
                    }
                }
                case "decision.approved", "decision.rejected" -> {
                    assertThat(waiting.get(cluster)).as("review of decision %d", decision).isEqualTo(decision);
                    waiting.remove(cluster);
                    status.put(cluster, e.action().equals("decision.approved") ? ClusterStatus.MERGED
                            : ClusterStatus.OPEN);
                }
                default -> throw new AssertionError("unexpected journal entry " + e);
            }
        }
        status.forEach((cluster, s) -> {
            ClusterStatus inStore = w.read(c -> de.grw.workspace.ClusterRepository.status(c, cluster));
            assertThat(inStore).as("cluster %d", cluster).isEqualTo(s);
        });

        // the access log: one display per acknowledged show
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM access_log") - accessBefore).isEqualTo(shown.get());
        // no record in two golden records
        assertThat(TestWorkspaces.rows(w, "SELECT m.record_id FROM golden_members m JOIN golden_records g ON g.id = "
                + "m.golden_id WHERE g.status = 'ACTIVE' AND m.removed_by IS NULL GROUP BY m.record_id "
                + "HAVING count(*) > 1")).isEmpty();
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_records WHERE status = 'ACTIVE'"))
                .isEqualTo(approved.size());
    }
}
