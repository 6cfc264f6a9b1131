/**
 * Learning from the clerks' decisions (issue 15): decisions in effect become labelled pairs ({@link
 * de.grw.learning.Labels}), the labels correct the unsupervised model through a calibrated layer over the comparison
 * vectors ({@link de.grw.learning.LabelledTraining}, {@link de.grw.learning.Correction}), a threshold is estimated
 * from them once they are enough ({@link de.grw.learning.ThresholdEstimate}), and the review's questions can be
 * ordered by what an answer would teach ({@link de.grw.learning.ActiveLearning}). Wired into the workbench through
 * the seams of the versions (issue 15b): {@link de.grw.learning.LearningTrainer} is the {@code ModelTrainer} of
 * {@code model train} and of re-estimating runs, {@link de.grw.learning.LearningQueueOrdering} the review's
 * active-learning {@code QueueOrdering}, both set by {@link de.grw.learning.Learning} for the local API, real-time
 * linking and the sample workspace. A training finds the pattern counts the last estimation kept over today's
 * records ({@code de.grw.workspace.KeptPatternsRepository}, schema 18) and needs neither the records nor a scoring of every
 * pair ({@link de.grw.learning.LearningTrainer#trainKept}). The queue mode is the review's
 * {@code de.grw.review.QueueMode}. Depends on the review (decisions), the workspace, the store and the model; nothing
 * in those depends on it.
 */
package de.grw.learning;
