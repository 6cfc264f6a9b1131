package de.grw.ui.review;

import de.grw.api.ReviewApi;
import de.grw.api.SignedIn;
import de.grw.profile.MatchProfile;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.common.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster the review moves on to, and reading it ahead of the key press (issue 13).
 *
 * <p>While the clerk looks at a cluster, the one that follows it in the queue is read in the background with the
 * review's unlogged {@link ReviewApi#prefetch} (masked as a display would be, but neither logged nor claimed) and
 * built into what the screen draws ({@link ClusterState}). When the decision's key is pressed and that cluster is
 * still the next one, it is swapped in at once on the FX thread, and only then, in the background, the decision is
 * recorded and the display logged with {@link ReviewApi#shown} (exactly one access-log entry, for the display that
 * happened; a cluster read ahead and never shown leaves none). Where nothing was read ahead (the first cluster, a
 * filter changed, another clerk's claim, an older server without the call), the cluster is opened as before with
 * {@link ReviewApi#show} in the decision's background work. A read-ahead older than {@link #FRESH_MILLIS} is read
 * again rather than shown.
 */
final class NextCluster {
    private static final Logger LOG = LoggerFactory.getLogger(NextCluster.class);
    /** A cluster read ahead longer ago than this is not shown: it is read again (others may have changed it). */
    static final long FRESH_MILLIS = 60_000;

    private final ReviewViewModel vm;
    /** The cluster read ahead, for whom, with which case reference (set in the background, taken on either side). */
    private final AtomicReference<Ahead> ahead = new AtomicReference<>();
    /** False once the server refused the read-ahead (a server older than it): clusters are then opened as before. */
    private volatile boolean offered = true;
    /** The cluster whose read-ahead is queued or running (FX thread), or -1. */
    private long reading = -1;

    NextCluster(ReviewViewModel vm) {
        this.vm = vm;
        vm.ctx().model().beforeSignOut(signedIn -> forget());
    }

    /**
     * An opened (or read-ahead) cluster, the claim in force on it (another's: read-only), the probability the queue
     * listed for it, and what the screen draws of it (no record taken out, no choice yet).
     */
    record Shown(ClusterView view, ClaimView claim, double listed, ClusterState state) {
    }

    /** The cluster the review moves on to after a decision: its queue position, its entry and the work opening it. */
    record Next(int index, QueueEntry entry, Callable<Shown> opening) {
    }

    /** A cluster read ahead: for which user and case reference, and when. */
    private record Ahead(long clusterId, SignedIn by, String caseRef, Shown shown, long at) {
        boolean serves(long id, SignedIn user, String reference) {
            return clusterId == id && by == user && Objects.equals(caseRef, reference)
                    && System.currentTimeMillis() - at < FRESH_MILLIS
                    && (shown.claim() == null || shown.claim().mine());
        }
    }

    /**
     * The background work that opens a queued cluster and builds what the screen draws of it, so that the FX thread
     * only swaps the ready cluster in. A cluster read ahead meanwhile for this user and case reference is not read
     * again: only its display is logged ({@link ReviewApi#shown}); else it is opened with {@link ReviewApi#show}
     * (logged and claimed). Reads nothing itself: the returned work does.
     */
    Callable<Shown> opening(QueueEntry entry) {
        SignedIn signedIn = vm.signedIn();
        ReviewApi review = signedIn.review();
        MatchProfile profile = signedIn.governance().profile();
        long clusterId = entry.clusterId();
        double listed = entry.minProbability();
        String reference = vm.caseRefProperty().get();
        String language = vm.t().locale().getLanguage();
        ReviewLive live = vm.live();
        return () -> {
            Shown ready = take(clusterId, signedIn, reference);
            if (ready != null) {
                live.leaving(review, clusterId);
                return new Shown(ready.view(), live.shown(review, clusterId, reference), listed, ready.state());
            }
            live.leaving(review, clusterId);
            ClusterView view = review.show(clusterId, reference);
            ClaimView claim = live.claimed(review, clusterId);
            return new Shown(view, claim, listed, built(view, review, profile, listed, language));
        };
    }

    private static ClusterState built(ClusterView view, ReviewApi review, MatchProfile profile, double listed,
                                      String language) {
        var weakest = ExplainedPair.weakestLink(view.pairs(), listed);
        return ClusterState.build(view, review.comparisons(), profile, ExplainedPair.focus(view, weakest),
                java.util.Set.of(), java.util.Map.of(), language);
    }

    /** The cluster read ahead for this user and case reference, taken (then gone), or null. Any thread. */
    Shown take(long clusterId, SignedIn by, String caseRef) {
        Ahead a = ahead.get();
        if (a != null && a.serves(clusterId, by, caseRef) && ahead.compareAndSet(a, null)) {
            return a.shown();
        }
        return null;
    }

    /** The cluster read ahead and not yet shown, or null (tests). */
    Long aheadId() {
        Ahead a = ahead.get();
        return a == null ? null : a.clusterId();
    }

    /** Forgets what was read ahead (at sign-out): nothing of it stays in memory or is ever shown. Any thread. */
    void forget() {
        ahead.set(null);
    }

    /**
     * After a cluster was swapped in (FX thread): reads the cluster that would follow a merge of it ahead, in the
     * background and without a log entry, unless it is read already or being read. Nothing while the case
     * reference is missing, while the open cluster is another's, or once the server refused the call.
     */
    void readAhead() {
        SignedIn signedIn = vm.signedIn();
        ClusterView open = vm.currentProperty().get();
        if (!offered || signedIn == null || open == null || vm.caseMissing() || vm.readOnly()) {
            return;
        }
        List<QueueEntry> after = new ArrayList<>(vm.queue());
        int following = following(after, open.clusterId(), ReviewDecisions.Leaves.ALWAYS);
        if (following < 0) {
            return;
        }
        QueueEntry entry = after.get(following);
        long id = entry.clusterId();
        String reference = vm.caseRefProperty().get();
        Ahead a = ahead.get();
        if (reading == id || a != null && a.serves(id, signedIn, reference)) {
            return;
        }
        reading = id;
        ReviewApi review = signedIn.review();
        MatchProfile profile = signedIn.governance().profile();
        String language = vm.t().locale().getLanguage();
        double listed = entry.minProbability();
        vm.ctx().tasks().quietly(() -> {
            long at = System.currentTimeMillis();
            ClusterView view = review.prefetch(id, reference);
            // the claim in force is read, not taken: reading ahead holds nothing
            ClaimView claim = ReviewLive.inForce(review, id);
            Shown shown = new Shown(view, claim, listed, built(view, review, profile, listed, language));
            ahead.set(new Ahead(id, signedIn, reference, shown, at));
            return shown;
        }, done -> {
            if (reading == id) {
                reading = -1;
            }
        }, e -> {
            if (reading == id) {
                reading = -1;
            }
            if (Errors.notOffered(e) != null) {
                offered = false; // an older server: clusters are opened at the key press, as before
            }
            LOG.debug("reading cluster {} ahead: {}", id, e.toString());
        });
    }

    /**
     * Where the review goes after this clerk's decision on the open cluster, worked out before the decision is
     * sent (FX thread), so that the next cluster is read and built in the same background work as the decision:
     * one trip instead of two. Null where only the engine can tell ({@link #movedOn} reads the queue again then).
     */
    Next nextAfter(long clusterId, ReviewDecisions.Leaves leaves) {
        if (vm.signedIn() == null || vm.caseMissing()) {
            return null;
        }
        List<QueueEntry> after = new ArrayList<>(vm.queue());
        int following = following(after, clusterId, leaves);
        return following < 0 ? null : new Next(following, after.get(following), opening(after.get(following)));
    }

    /** The queue position after the decision (updating {@code after} in place), or -1 where only the engine knows. */
    private int following(List<QueueEntry> after, long clusterId, ReviewDecisions.Leaves leaves) {
        int index = indexOf(after, clusterId);
        int left = index < 0 ? -1 : QueuePage.afterDecision(after, vm.remainingProperty().get(), index, leaves,
                vm.statusProperty().get());
        if (left < 0 || after.isEmpty() || index >= after.size() && left > after.size()) {
            return -1;
        }
        return nextFree(after, Math.min(index, after.size() - 1));
    }

    private static int indexOf(List<QueueEntry> list, long clusterId) {
        int index = -1;
        for (int i = 0; i < list.size(); i++) {
            index = list.get(i).clusterId() == clusterId ? i : index;
        }
        return index;
    }

    /** The first cluster from {@code from} on that nobody else holds ({@code from} itself when all are held). */
    private int nextFree(List<QueueEntry> list, int from) {
        for (int i = from; i < list.size(); i++) {
            if (!vm.live().claimedByOthers().containsKey(list.get(i).clusterId())) {
                return i;
            }
        }
        return from;
    }

    /**
     * After this clerk's decision on the open cluster: moves on to the next cluster nobody else holds. Where the
     * decision says where the cluster went ({@code leaves}), the queue shown is updated here and only the next
     * cluster is read (a decision costs the decision and one cluster, not the queue); where only the engine knows,
     * or the page shown is used up while more clusters wait, the queue is read again. {@code next} and {@code read}:
     * the next cluster already read and built together with the decision ({@link #nextAfter}), swapped in at once
     * where the queue still says it is the next one.
     */
    void movedOn(long clusterId, ReviewDecisions.Leaves leaves, String doneMessage, Next next, Shown read) {
        int at = vm.positionProperty().get();
        List<QueueEntry> queue = vm.queue();
        int index = indexOf(queue, clusterId);
        int left = index < 0 ? -1 : QueuePage.afterDecision(queue, vm.remainingProperty().get(), index, leaves,
                vm.statusProperty().get());
        if (left < 0 || queue.isEmpty() || index >= queue.size() && left > queue.size()) {
            // only the engine can tell, or the page is used up while more wait: the queue is read again
            vm.currentProperty().set(null);
            vm.reload(at, doneMessage);
            return;
        }
        vm.remainingProperty().set(left);
        int following = nextFree(queue, Math.min(index, queue.size() - 1));
        if (next != null && read != null && next.index() == following && following < queue.size()
                && queue.get(following).clusterId() == read.view().clusterId()) {
            // read with the decision: swapped in at once, with nothing drawn in between
            vm.shown(read, following, doneMessage, 3);
            return;
        }
        vm.currentProperty().set(null);
        vm.open(following, doneMessage, 3);
    }

    /**
     * The decision's key was pressed and the next cluster is read ahead ({@link #take}): the queue shown is updated
     * as the decision will leave it and the cluster is swapped in now (FX thread), before the decision and the
     * display's log entry are written in the background. Returns false (nothing changed) where the queue no longer
     * agrees with {@code next}.
     */
    boolean movedOnAtOnce(long clusterId, ReviewDecisions.Leaves leaves, Next next, Shown read) {
        List<QueueEntry> queue = vm.queue();
        List<QueueEntry> after = new ArrayList<>(queue);
        if (following(after, clusterId, leaves) != next.index()
                || after.get(next.index()).clusterId() != read.view().clusterId()) {
            return false;
        }
        int index = indexOf(queue, clusterId);
        vm.remainingProperty().set(QueuePage.afterDecision(queue, vm.remainingProperty().get(), index, leaves,
                vm.statusProperty().get()));
        vm.shown(read, next.index(), null, 0);
        return true;
    }
}
