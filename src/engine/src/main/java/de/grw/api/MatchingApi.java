package de.grw.api;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import java.util.List;

/** Match runs over all records of the workspace; what clerks decided is kept. Long work: off the FX thread. */
public interface MatchingApi {

    /**
     * Matches the workspace's records and puts new candidate clusters into the queue. A cancelled run stores
     * nothing.
     *
     * @param threshold the probability from which two records are linked; {@code null} for the profile's
     */
    default MatchRun run(Double threshold, ProgressListener progress, CancellationToken cancel) {
        return run(threshold, false, progress, cancel);
    }

    /**
     * Matches with the workspace's active model: only records new since the last run are compared, and only the
     * clusters they land in change. Without an active model, or with {@code reestimate}, the model is estimated
     * afresh over all records and becomes the next active version (journalled).
     */
    MatchRun run(Double threshold, boolean reestimate, ProgressListener progress, CancellationToken cancel);

    /** The weakest link of every cluster a run proposed, in cluster order (no personal data). */
    List<Double> weakestLinks(long runId);

    /**
     * What the run's threshold does: the histogram of its pairs' match weights and, for candidate thresholds, the
     * pairs and clusters at each (no personal data). Empty bins and steps for a run stored before they were kept.
     */
    ThresholdFigures thresholdFigures(long runId);
}
