package de.grw.ui.review;

import de.grw.review.DecisionCommand;
import de.grw.review.DeferCommand;
import de.grw.review.MemberRecord;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.SplitCommand;
import de.grw.workspace.ClusterStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The clerk's decisions on the open cluster (merge, not a duplicate, split, defer) and the undo of the last one,
 * recorded in the background through the view model. After a decision the review moves on: where the engine's
 * order says where the cluster went (a merge leaves the queue for approval, a deferred cluster goes behind the open
 * ones), the queue is updated here and only the next cluster is read; otherwise the queue is read again.
 */
final class ReviewDecisions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReviewDecisions.class);
    private final ReviewViewModel vm;
    /** This session's decisions, the last first: what Ctrl+Z reverts. */
    private final Deque<Long> undo = new ArrayDeque<>();

    ReviewDecisions(ReviewViewModel vm) {
        this.vm = vm;
    }

    boolean merge() {
        ClusterView view = vm.currentProperty().get();
        if (view == null) {
            return false;
        }
        List<Long> members = view.members().stream().map(MemberRecord::id)
                .filter(id -> !vm.excluded().contains(id)).toList();
        if (members.size() < 2) {
            vm.messageProperty().set(vm.t().get("review.mergeNeedsTwo"));
            return false;
        }
        return decide(new MergeCommand(members, new LinkedHashMap<>(vm.choices())), "review.merged", Leaves.ALWAYS);
    }

    boolean notDuplicate() {
        ClusterView view = vm.currentProperty().get();
        if (view == null) {
            return false;
        }
        List<Long> pair = view.members().size() == 2 ? view.members().stream().map(MemberRecord::id).toList()
                : new ArrayList<>(vm.marked());
        if (pair.size() != 2) {
            vm.messageProperty().set(vm.t().get("review.markTwo"));
            return false;
        }
        // a cluster of two is closed; a larger one stays open with the two kept apart: the engine says how
        return decide(new NotDuplicateCommand(pair.get(0), pair.get(1)), "review.notDuplicateDone",
                view.members().size() == 2 ? Leaves.ALWAYS : Leaves.ASK_ENGINE);
    }

    boolean split() {
        ClusterView view = vm.currentProperty().get();
        if (view == null) {
            return false;
        }
        List<Long> all = view.members().stream().map(MemberRecord::id).toList();
        List<Long> a = all.stream().filter(vm.marked()::contains).toList();
        List<Long> b = all.stream().filter(id -> !vm.marked().contains(id)).toList();
        if (a.isEmpty() || b.isEmpty()) {
            vm.messageProperty().set(vm.t().get("review.markForSplit"));
            return false;
        }
        // the parts may become clusters of their own: the queue is read again
        return decide(new SplitCommand(List.of(a, b)), "review.splitDone", Leaves.ASK_ENGINE);
    }

    boolean defer() {
        ClusterView view = vm.currentProperty().get();
        // a deferred cluster is deferred again where it stands: the queue is read again
        return view != null && decide(new DeferCommand(), "review.deferred",
                view.status() == ClusterStatus.DEFERRED ? Leaves.ASK_ENGINE : Leaves.TO_DEFERRED);
    }

    /** Reverts the last decision taken in this session (in the background). */
    boolean undo() {
        Long last = undo.peek();
        if (last == null) {
            vm.messageProperty().set(vm.t().get("review.nothingToUndo"));
            return false;
        }
        if (vm.busyProperty().get() || vm.signedIn() == null) {
            return false;
        }
        var review = vm.signedIn().review();
        String comment = vm.t().get("review.undoComment");
        String reference = vm.caseRefProperty().get();
        vm.background(() -> review.revert(last, comment, reference), reverted -> {
            undo.remove(last);
            vm.closeCluster();
            vm.reload(null, vm.t().get("review.undone", last));
        });
        return true;
    }

    /** Where a decided cluster goes in the queue shown. */
    enum Leaves {
        /** Out of the queue (awaiting approval, closed). */
        ALWAYS,
        /** Behind the open clusters, deferred. */
        TO_DEFERRED,
        /** Only the engine knows (new clusters, or the cluster stays): the queue is read again. */
        ASK_ENGINE
    }

    private boolean decide(DecisionCommand command, String doneKey, Leaves leaves) {
        if (vm.busyProperty().get() || vm.signedIn() == null) {
            return false;
        }
        if (vm.readOnly()) {
            vm.messageProperty().set(vm.live().claimText(vm.live().claimProperty().get()));
            return false;
        }
        var review = vm.signedIn().review();
        long clusterId = vm.currentProperty().get().clusterId();
        String text = vm.commentProperty().get();
        String reference = vm.caseRefProperty().get();
        NextCluster following = vm.nextCluster();
        NextCluster.Next next = following.nextAfter(clusterId, leaves);
        NextCluster.Shown ahead = next == null ? null : following.take(next.entry().clusterId(), vm.signedIn(),
                reference);
        if (ahead != null) {
            decideAtOnce(clusterId, command, text, reference, doneKey, leaves, next, ahead);
            return true;
        }
        // the next cluster is read and built in the same background work as the decision (one trip, not two)
        vm.background(() -> {
            var d = review.propose(clusterId, command, text, reference);
            vm.live().forget(clusterId);
            NextCluster.Shown read = null;
            if (next != null) {
                try {
                    read = next.opening().call();
                } catch (Exception e) {
                    // the decision is recorded; the next cluster is opened again the usual way
                    LOG.info("reading the next cluster after decision {}: {}", d.id(), e.toString());
                }
            }
            return new Decided(d, read);
        }, r -> {
            vm.live().decided(clusterId);
            undo.push(r.decision().id());
            following.movedOn(clusterId, leaves, vm.t().get(doneKey, r.decision().id()), next, r.next());
        });
        return true;
    }

    /**
     * The decision with the next cluster read ahead: the next cluster is shown at once, then the background work
     * logs its display (exactly once: {@code shown}) and records the decision. A refused decision is told, and the
     * queue is read again while the cluster shown stays (its display is logged; the refused one is listed again
     * where it still waits). Where the display cannot be logged, the cluster is closed at once, the clerk is told
     * and the queue is read again at the decided cluster's place.
     */
    private void decideAtOnce(long clusterId, DecisionCommand command, String text, String reference,
                              String doneKey, Leaves leaves, NextCluster.Next next, NextCluster.Shown ahead) {
        var review = vm.signedIn().review();
        long shownId = ahead.view().clusterId();
        int at = vm.positionProperty().get();
        // first in the executor's line: the decision and the display's entry, before any further read-ahead
        vm.background(() -> {
            // the display happened first: its entry first (and the claim on the cluster now open)
            var claim = vm.live().shown(review, shownId, reference);
            try {
                var d = review.propose(clusterId, command, text, reference);
                vm.live().forget(clusterId);
                return new DecidedAhead(d, claim, null);
            } catch (RuntimeException refused) {
                return new DecidedAhead(null, claim, refused);
            }
        }, r -> {
            var open = vm.currentProperty().get();
            if (open != null && open.clusterId() == shownId) {
                vm.live().opened(shownId, r.claim());
            }
            if (r.refused() != null) {
                vm.messageProperty().set(de.grw.ui.common.Errors.message(r.refused(), vm.t()));
                vm.reload(null, null);
                return;
            }
            vm.live().decided(clusterId);
            undo.push(r.decision().id());
            vm.messageProperty().set(vm.t().get(doneKey, r.decision().id()));
        }, e -> {
            // the display could not be logged: nothing of it stays on screen
            String failed = de.grw.ui.common.Errors.message(e, vm.t());
            vm.closeCluster();
            vm.reload(at, failed);
        });
        if (!vm.nextCluster().movedOnAtOnce(clusterId, leaves, next, ahead)) {
            vm.currentProperty().set(null);
            vm.reload(at, null);
        }
    }

    /**
     * A decision recorded with the next cluster read ahead (or refused: {@code refused}), and the claim in force on
     * the cluster shown.
     */
    private record DecidedAhead(de.grw.review.ReviewViews.DecisionView decision,
                                de.grw.review.ReviewViews.ClaimView claim, RuntimeException refused) {
    }

    /** A decision recorded, and the next cluster read with it (or null). */
    private record Decided(de.grw.review.ReviewViews.DecisionView decision, NextCluster.Shown next) {
    }
}
