package de.grw.ui.review;

import de.grw.api.Changes;
import de.grw.api.ReviewApi;
import de.grw.api.SignedIn;
import de.grw.common.UserFacingException;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review among several clerks: the claim on the open cluster (taken when it opens, renewed while it stays open,
 * released when the clerk leaves it, signs out or closes the window) and the change feed, asked every few seconds,
 * so that others' decisions and claims reach the queue and the open cluster without a restart. Every call to the
 * workspace goes through the task runner's executor, never the FX thread; the state here is read and written on the
 * FX thread only (but {@link #held}, which the sign-out reads where it runs). In a local workspace with one clerk
 * every claim is this clerk's, so nothing is ever read-only.
 */
public final class ReviewLive {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewLive.class);
    /** How often the change feed is asked while the review is shown. */
    static final Duration POLL = Duration.seconds(3);
    /** A claim lasts ten minutes on the server; it is renewed once a minute while its cluster is open. */
    static final long RENEW_MILLIS = 60_000;
    private long renewMillis = RENEW_MILLIS;
    /**
     * Without a key or mouse press on the review for this long, nothing is asked any more (until the next one): a
     * clerk who walked away lets the claim run out, and the server's idle timeout of the session still applies.
     */
    static final long IDLE_MILLIS = 10 * 60_000;
    private long idleMillis = IDLE_MILLIS;
    private long lastInput = System.currentTimeMillis();
    /** The queue is asked again every this many polls even without a change, to see others' new claims. */
    static final int QUEUE_EVERY = 4;
    /** At most this many clusters that left the queue are asked for a claim at one refresh. */
    static final int CLAIMS_ASKED = 20;

    private final AppContext ctx;
    private final ReviewViewModel vm;
    /** The claim in force on the open cluster (another's: read-only), or null (none, or not claimable). */
    private final ObjectProperty<ClaimView> claim = new SimpleObjectProperty<>();
    private final BooleanBinding readOnly = Bindings.createBooleanBinding(
            () -> claim.get() != null && !claim.get().mine(), claim);
    /** Clusters in the queue that another clerk holds, by cluster. */
    private final ObservableMap<Long, ClaimView> claimedByOthers = FXCollections.observableHashMap();
    /** What the clerk must learn at once (a lost claim, a cluster decided elsewhere), in order; the screen shows them. */
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    /** The cluster this clerk holds a claim on (read by the sign-out where it runs). */
    private final AtomicReference<Long> held = new AtomicReference<>();
    private final StringBinding claimText = Bindings.createStringBinding(
            () -> readOnly.get() ? claimText(claim.get()) : "", claim);
    private final Timeline timer;
    private long after = -1;
    private long renewedAt;
    private boolean polling;
    private int polls;

    ReviewLive(AppContext ctx, ReviewViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
        timer = new Timeline(new KeyFrame(POLL, e -> poll()));
        timer.setCycleCount(Timeline.INDEFINITE);
        // signing out (and closing the window, which signs out) ends this clerk's claim with the session
        ctx.model().beforeSignOut(this::releaseHeld);
    }

    /** Starts asking the change feed (the review is shown). */
    public void start() {
        touched();
        timer.play();
    }

    /** Stops asking and releases the claim on the open cluster (another screen is shown). */
    public void stop() {
        timer.stop();
        leave();
    }

    /** The clerk pressed a key or a mouse button on the review. */
    public void touched() {
        lastInput = System.currentTimeMillis();
    }

    /** Stops asking after this long without input (tests). */
    void idleAfter(long millis) {
        this.idleMillis = millis;
    }

    /** Renews the claim this often (tests: at every poll). */
    void renewEvery(long millis) {
        this.renewMillis = millis;
    }

    // ---- claims: background parts (called inside the view model's background work) ----

    /**
     * Before a cluster is opened: releases the claim on the cluster left, if another one. Runs in the background.
     */
    void leaving(ReviewApi review, long opening) {
        Long left = held.get();
        if (left != null && left != opening && held.compareAndSet(left, null)) {
            release(review, left);
        }
    }

    /**
     * After a cluster was opened (which claims it): the claim in force, renewed (another's when someone else holds
     * it); null where the cluster cannot be claimed or the server offers no claims. Runs in the background.
     */
    ClaimView claimed(ReviewApi review, long clusterId) {
        // opening the cluster has just claimed it (or found another's claim in force): the claim is read, not taken a
        // second time (one write transaction less per cluster shown)
        ClaimView c = inForce(review, clusterId);
        if (c != null && c.mine()) {
            held.set(clusterId);
        }
        return c;
    }

    /**
     * A cluster read ahead is now shown: its display is logged and it is claimed ({@link ReviewApi#shown}); returns
     * the claim in force afterwards (another's: read-only). Runs in the background.
     */
    ClaimView shown(ReviewApi review, long clusterId, String caseRef) {
        ClaimView c = review.shown(clusterId, caseRef).orElse(null);
        if (c != null && c.mine()) {
            held.set(clusterId);
        }
        return c;
    }

    private static ClaimView claim(ReviewApi review, long clusterId) {
        try {
            return review.claim(clusterId).orElse(null);
        } catch (UserFacingException e) {
            if (Errors.notOffered(e) == null) {
                throw e;
            }
            return null; // an older server: no claims
        }
    }

    /** The claim in force on a cluster, read only (null: none, or an older server without claims). */
    static ClaimView inForce(ReviewApi review, long clusterId) {
        try {
            return review.claimOf(clusterId).orElse(null);
        } catch (UserFacingException e) {
            if (Errors.notOffered(e) == null) {
                throw e;
            }
            return null; // an older server: no claims
        }
    }

    private static void release(ReviewApi review, long clusterId) {
        try {
            review.release(clusterId);
        } catch (RuntimeException e) {
            // the claim runs out by itself; nothing the clerk can do about it
            LOG.info("releasing the claim on cluster {}: {}", clusterId, e.toString());
        }
    }

    private void releaseHeld(SignedIn signedIn) {
        Long id = held.getAndSet(null);
        if (id != null) {
            release(signedIn.review(), id);
        }
    }

    // ---- claims: FX parts ----

    /** A cluster was opened with this claim in force (FX thread). */
    void opened(long clusterId, ClaimView c) {
        claim.set(c);
        renewedAt = System.currentTimeMillis();
        mark(clusterId, c);
    }

    /** The clerk leaves the open cluster without a decision: their claim ends (in the background). */
    public void leave() {
        SignedIn signedIn = ctx.model().signedIn();
        claim.set(null);
        if (signedIn == null) {
            // signing out (the screen is left because nobody is signed in): the sign-out releases the claim with
            // the session it still holds
            return;
        }
        Long id = held.getAndSet(null);
        if (id != null) {
            ReviewApi review = signedIn.review();
            ctx.tasks().quietly(() -> {
                release(review, id);
                return id;
            }, done -> { }, e -> LOG.info("releasing cluster {}: {}", id, e.toString()));
        }
    }

    /**
     * The cluster was decided by this clerk, seen in the background right after the decision: its claim is not
     * released again when the next cluster opens (the engine ended it with the decision). Any thread.
     */
    void forget(long clusterId) {
        held.compareAndSet(clusterId, null);
    }

    /** The open cluster was decided by this clerk: the engine ended every claim on it. */
    void decided(long clusterId) {
        held.compareAndSet(clusterId, null);
        claim.set(null);
    }

    private void mark(long clusterId, ClaimView c) {
        if (c != null && !c.mine()) {
            claimedByOthers.put(clusterId, c);
        } else {
            claimedByOthers.remove(clusterId);
        }
    }

    // ---- the queue ----

    /**
     * The page of the queue as the clerk sees it: the server's page skips clusters that others hold, so those that
     * were listed before and are still held by another stay, marked (at most {@link #CLAIMS_ASKED} asked). Runs in
     * the background; {@code claims} receives the claims found.
     */
    static List<QueueEntry> withClaimed(ReviewApi review, List<QueueEntry> before, List<QueueEntry> page,
                                        Long open, Map<Long, ClaimView> claims) {
        Set<Long> listed = new HashSet<>();
        page.forEach(q -> listed.add(q.clusterId()));
        List<QueueEntry> out = new ArrayList<>(page);
        int asked = 0;
        for (QueueEntry q : before) {
            if (listed.contains(q.clusterId()) || (asked >= CLAIMS_ASKED && !Long.valueOf(q.clusterId()).equals(open))) {
                continue;
            }
            asked++;
            Optional<ClaimView> c;
            try {
                c = review.claimOf(q.clusterId());
            } catch (UserFacingException e) {
                if (Errors.notOffered(e) == null) {
                    throw e;
                }
                return page;
            }
            if (c.isPresent() && !c.get().mine()) {
                claims.put(q.clusterId(), c.get());
                out.add(q);
            }
        }
        if (out.size() == page.size()) {
            return page; // nothing added: the engine's order as it is (also an active-learning order)
        }
        // in the engine's order: the open clusters before the deferred ones
        out.sort(QueuePage.ORDER);
        return out;
    }

    /** The claims found at a refresh of the queue (FX thread): these are marked, no others. */
    void claimsFound(List<QueueEntry> queue, Map<Long, ClaimView> claims) {
        ClaimView open = claim.get();
        claimedByOthers.keySet().retainAll(claims.keySet());
        claimedByOthers.putAll(claims);
        if (open != null && !open.mine() && queue.stream().anyMatch(q -> q.clusterId() == open.clusterId())) {
            claimedByOthers.put(open.clusterId(), open);
        }
    }

    // ---- the change feed ----

    /** What one poll found. */
    private record Polled(Changes changes, Long clusterId, boolean asked, ClaimView claim) {
    }

    /**
     * Asks the change feed what others did since the last time and renews (or tries to take) the claim on the open
     * cluster; then updates the queue and the open cluster (in the background; results on the FX thread).
     */
    public void poll() {
        SignedIn signedIn = ctx.model().signedIn();
        if (signedIn == null || polling || vm.busyProperty().get()
                || System.currentTimeMillis() - lastInput > idleMillis) {
            return;
        }
        polling = true;
        var current = vm.currentProperty().get();
        Long clusterId = current == null ? null : current.clusterId();
        boolean ask = clusterId != null && (readOnly.get() || claim.get() == null
                || System.currentTimeMillis() - renewedAt >= renewMillis);
        long from = after;
        ReviewApi review = signedIn.review();
        var journal = signedIn.journal();
        ctx.tasks().quietly(() -> {
            Changes changes;
            try {
                // the first time: only where the feed stands now
                changes = journal.changes(from < 0 ? Long.MAX_VALUE : from, 0);
            } catch (UserFacingException e) {
                if (Errors.notOffered(e) == null) {
                    throw e;
                }
                changes = null; // an older server: the queue is asked instead
            }
            ClaimView c = ask ? claim(review, clusterId) : null;
            if (ask && c != null && c.mine()) {
                held.set(clusterId);
            }
            return new Polled(changes, clusterId, ask, c);
        }, this::polled, e -> {
            polling = false;
            LOG.info("asking for changes: {}", e.toString());
        });
    }

    private void polled(Polled p) {
        polling = false;
        SignedIn signedIn = ctx.model().signedIn();
        if (signedIn == null) {
            return;
        }
        polls++;
        boolean refresh = p.changes() == null ? polls % QUEUE_EVERY == 0 : false;
        // without a feed (an older server) every look at the queue reads it whole
        boolean full = p.changes() == null;
        var current = vm.currentProperty().get();
        boolean same = current != null && p.clusterId() != null && current.clusterId() == p.clusterId();
        boolean decidedHere = false;
        if (p.changes() != null) {
            boolean first = after < 0;
            after = Math.max(after, p.changes().latest());
            for (Changes.Change c : p.changes().changes()) {
                if (first || c.clusterId() == null || c.user().equals(signedIn.user())) {
                    continue;
                }
                refresh = true;
                full = true;
                if (same && c.clusterId().equals(p.clusterId()) && !decidedHere) {
                    decidedHere = true;
                    held.compareAndSet(p.clusterId(), null);
                    claim.set(null);
                    notices.add(ctx.i18n().get("review.live.decided", String.valueOf(p.clusterId()), c.user()));
                }
            }
            refresh |= polls % QUEUE_EVERY == 0;
        }
        if (same && p.asked() && !decidedHere) {
            ClaimView before = claim.get();
            ClaimView now = p.claim();
            if (now == null && before != null && before.mine()) {
                // no longer open or deferred: decided by someone else meanwhile
                held.compareAndSet(p.clusterId(), null);
                notices.add(ctx.i18n().get("review.live.gone", String.valueOf(p.clusterId())));
                refresh = true;
                full = true;
            } else if (now != null && !now.mine() && (before == null || before.mine())) {
                held.compareAndSet(p.clusterId(), null);
                notices.add(ctx.i18n().get("review.live.lost", String.valueOf(p.clusterId()), now.user(), time(now.until())));
            } else if (now != null && now.mine() && before != null && !before.mine()) {
                notices.add(ctx.i18n().get("review.live.free", String.valueOf(p.clusterId())));
            }
            claim.set(now);
            renewedAt = System.currentTimeMillis();
            mark(p.clusterId(), now);
        }
        if (refresh) {
            vm.refreshLive(full);
        }
    }

    // ---- for the screen ----

    /** The claim in force on the open cluster, or null. */
    public ObjectProperty<ClaimView> claimProperty() {
        return claim;
    }

    /** True while another clerk holds the open cluster: no decision, no marks. */
    public BooleanBinding readOnlyProperty() {
        return readOnly;
    }

    /** "In Bearbeitung durch anna bis 14:35" while another holds the open cluster, else empty. */
    public StringBinding claimText() {
        return claimText;
    }

    public String claimText(ClaimView c) {
        return ctx.i18n().get("review.claimedBy", c.user(), time(c.until()));
    }

    public ObservableMap<Long, ClaimView> claimedByOthers() {
        return claimedByOthers;
    }

    public ObservableList<String> notices() {
        return notices;
    }

    /** The cluster this clerk holds a claim on, or null. */
    public Long held() {
        return held.get();
    }

    /** A claim's end as a clerk reads it: the time of day here (14:35). */
    public static String time(String isoInstant) {
        try {
            return DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault())
                    .format(Instant.parse(isoInstant));
        } catch (RuntimeException e) {
            return isoInstant;
        }
    }
}
