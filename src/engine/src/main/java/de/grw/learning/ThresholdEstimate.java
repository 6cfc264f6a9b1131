package de.grw.learning;

/**
 * A threshold chosen from the labels: the match probability from which the corrected model links two records so
 * that the expected pairwise F1 over the candidate pairs is highest (expected under the corrected model, which the
 * labels calibrate), with the spread of that choice over refits on resampled labels.
 *
 * @param threshold the probability threshold
 * @param low       5th percentile of the threshold over the refits
 * @param high      95th percentile
 * @param precision expected pairwise precision at the threshold
 * @param recall    expected pairwise recall
 * @param f1        expected pairwise F1
 * @param labels    labels it rests on
 */
public record ThresholdEstimate(double threshold, double low, double high, double precision, double recall, double f1,
                                int labels) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "threshold %.2f (90%% interval %.2f-%.2f) from %d labels; expected precision %.4f, recall %.4f, "
                        + "F1 %.4f", threshold, low, high, labels, precision, recall, f1);
    }
}
