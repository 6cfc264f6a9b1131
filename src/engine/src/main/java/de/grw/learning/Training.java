package de.grw.learning;

import de.grw.matching.model.ModelParameters;

/**
 * A model trained with labels.
 *
 * @param base       the unsupervised model the labels corrected
 * @param model      the corrected model, to score with ({@link Correction#applyTo})
 * @param correction what the labels changed, with its uncertainty
 * @param threshold  a threshold from the labels, or {@code null} while they are too few (below
 *                   {@link LearningSettings#minLabelsForThreshold}, or fewer than a tenth of either answer) or no
 *                   candidate pairs were given
 * @param labels     the labelled examples it was fitted on
 * @param seconds    how long training took
 */
public record Training(ModelParameters base, ModelParameters model, Correction correction,
                       ThresholdEstimate threshold, int labels, double seconds) {
}
