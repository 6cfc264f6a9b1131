package de.grw.learning;

import de.grw.review.ReviewService;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceMatcher;

/**
 * The services of a workspace with the learning parts wired in (issue 15), one place for every caller that builds
 * them (the local API, real-time linking, the sample workspace): the review orders its active-learning mode with
 * {@link LearningQueueOrdering}, and new model versions are trained with {@link LearningTrainer}.
 */
public final class Learning {
    private Learning() {
    }

    /** A review service whose active-learning mode follows what the decisions taught. */
    public static ReviewService review(Workspace workspace) {
        return new ReviewService(workspace).withActiveLearning(new LearningQueueOrdering(workspace));
    }

    /** A matcher whose trainings learn from the decisions in effect. */
    public static WorkspaceMatcher matcher(Workspace workspace) {
        return new WorkspaceMatcher(workspace).withTrainer(new LearningTrainer(workspace));
    }
}
