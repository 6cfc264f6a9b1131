package de.grw.bench;

import de.grw.api.SignedIn;
import de.grw.linking.LinkViews.LinkAnswer;
import de.grw.linking.LinkViews.LinkedPerson;
import de.grw.review.DecisionCommand;
import de.grw.review.DeferCommand;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.workspace.ClusterStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated people and applications of {@code server-load}, each a thread of its own with its own connection and
 * sign-in, all through the remote client: clerks open clusters of the queue and decide (7 of 10 merge, 2 not the
 * same, 1 defer), supervisors approve pending merges, linking applications (accounts with the role API) link a
 * record, read a golden record it named and search by name and birth date, each with a case reference. What the
 * server acknowledged is kept, to be looked up in the store afterwards. All run until {@link #end()}, which a restart
 * may move ({@link #endAt}).
 */
final class LoadClients {
    static final String PASSWORD = "Lastprobe-2026";

    private final LoadServer server;
    /** Figures of the clerks and supervisors. */
    final LoadFigures review;
    /** Figures of the linking applications. */
    final LoadFigures linking;
    /** Acknowledged proposals: decision id -> cluster id. */
    final Map<Long, Long> proposed = new ConcurrentHashMap<>();
    /** Acknowledged approvals: decision id -> supervisor. */
    final Map<Long, String> approved = new ConcurrentHashMap<>();
    /** Link answers that named at least one golden record. */
    final AtomicLong linkedToGolden = new AtomicLong();
    private final List<Map<String, String>> samples;
    private volatile long end;
    private volatile boolean linkIndexReady;

    /**
     * @param samples records to link (profile field name to value), taken from the workspace's own records
     */
    LoadClients(LoadServer server, List<Map<String, String>> samples, long end) {
        this.server = server;
        this.samples = List.copyOf(samples);
        this.end = end;
        this.review = new LoadFigures(true, server::down);
        this.linking = new LoadFigures(false, server::down);
    }

    long end() {
        return end;
    }

    /** Sets the end of the run ({@link System#nanoTime()}). */
    void endAt(long nanoTime) {
        end = nanoTime;
    }

    /** Linkers call only while the server says its index is ready (after a start and a restart). */
    void linkIndexReady(boolean ready) {
        linkIndexReady = ready;
    }

    private boolean running() {
        return System.nanoTime() < end;
    }

    void clerk(String user) {
        SignedIn me = null;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running()) {
            try {
                if (me == null) {
                    me = server.connect().signIn(user, PASSWORD.toCharArray());
                }
                long t = System.nanoTime();
                List<QueueEntry> queue = me.review().queue(EnumSet.of(ClusterStatus.OPEN), 40);
                review.timing("queue").add(t);
                if (queue.isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                QueueEntry pick = queue.get(random.nextInt(queue.size()));
                t = System.nanoTime();
                ClusterView view = me.review().show(pick.clusterId(), "AZ-LAST-" + user);
                review.timing("show").add(t);
                List<Long> members = view.members().stream().map(m -> m.id()).toList();
                int dice = random.nextInt(10);
                DecisionCommand command = dice < 7 ? new MergeCommand(members, Map.of())
                        : dice < 9 && members.size() == 2 ? new NotDuplicateCommand(members.get(0), members.get(1))
                        : new DeferCommand();
                t = System.nanoTime();
                DecisionView d = me.review().propose(pick.clusterId(), command, "Lastprobe", "AZ-LAST-" + user);
                review.timing("propose").add(t);
                proposed.put(d.id(), pick.clusterId());
            } catch (RuntimeException e) {
                me = review.failed(user, e, me);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void supervisor(String user) {
        SignedIn me = null;
        while (running()) {
            try {
                if (me == null) {
                    me = server.connect().signIn(user, PASSWORD.toCharArray());
                }
                long t = System.nanoTime();
                List<DecisionView> pending = me.approval().pending();
                review.timing("pending").add(t);
                if (pending.isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                List<DecisionView> mine = new ArrayList<>(pending);
                Collections.shuffle(mine);
                for (DecisionView d : mine.subList(0, Math.min(5, mine.size()))) {
                    try {
                        t = System.nanoTime();
                        DecisionView done = me.approval().approve(d.id(), "geprüft");
                        review.timing("approve").add(t);
                        approved.put(done.id(), user);
                    } catch (RuntimeException e) {
                        me = review.failed(user, e, me);
                        if (me == null) {
                            break;
                        }
                    }
                }
            } catch (RuntimeException e) {
                me = review.failed(user, e, me);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * A linking application: links a record of the workspace (now and then with a typo in the given name), reads
     * the golden record the best candidate belongs to when there is one, and searches the person by name and birth
     * date; every call with a case reference of its own.
     */
    void linker(String user) {
        SignedIn me = null;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long n = 0;
        while (running()) {
            try {
                if (!linkIndexReady || samples.isEmpty()) {
                    Thread.sleep(100);
                    continue;
                }
                if (me == null) {
                    me = server.connect().signIn(user, PASSWORD.toCharArray());
                }
                Map<String, String> record = new LinkedHashMap<>(samples.get(random.nextInt(samples.size())));
                String given = record.get("given_names");
                if (given != null && given.length() > 3 && random.nextInt(4) == 0) {
                    int at = 1 + random.nextInt(given.length() - 2); // a typo: one letter dropped
                    record.put("given_names", given.substring(0, at) + given.substring(at + 1));
                }
                String caseRef = "AZ-LINK-" + user + "-" + (++n);
                long t = System.nanoTime();
                LinkAnswer answer = me.link().link(record, caseRef);
                linking.timing("link").add(t);
                String golden = answer.candidates().stream().map(LinkedPerson::golden)
                        .filter(g -> g != null).findFirst().orElse(null);
                if (golden != null) {
                    linkedToGolden.incrementAndGet();
                    t = System.nanoTime();
                    me.link().golden(golden, caseRef);
                    linking.timing("golden").add(t);
                }
                t = System.nanoTime();
                me.link().search(record.get("family_name"), record.get("given_names"), record.get("birth_date"),
                        caseRef);
                linking.timing("search").add(t);
            } catch (RuntimeException e) {
                me = linking.failed(user, e, me);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
