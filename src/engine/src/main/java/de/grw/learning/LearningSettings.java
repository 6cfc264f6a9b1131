package de.grw.learning;

/**
 * How strongly labels may move the unsupervised model, and when they are enough to estimate a threshold.
 *
 * @param levelSigmaBits        prior standard deviation, in bits, of the correction of one comparison level: a few
 *                              labels move a level's weight a little, hundreds as far as they agree
 * @param interceptSigmaBits    prior standard deviation, in bits, of the correction of the prior (all pairs alike)
 * @param minLabelsForThreshold labels (with at least a tenth of each answer) before a threshold is estimated
 * @param bootstrap             refits on resampled labels for the threshold's uncertainty
 * @param seed                  seed of the resampling
 */
public record LearningSettings(double levelSigmaBits, double interceptSigmaBits, int minLabelsForThreshold,
                               int bootstrap, long seed) {
    /** The defaults, chosen as general settings (see {@link LabelledTraining}), not on any data set's truth. */
    public static final LearningSettings DEFAULTS = new LearningSettings(1.5, 2.0, 100, 30, 1);

    public LearningSettings {
        if (levelSigmaBits <= 0 || interceptSigmaBits <= 0 || minLabelsForThreshold < 0 || bootstrap < 0) {
            throw new IllegalArgumentException("sigmas must be positive, counts not negative");
        }
    }
}
