package de.grw.profile;

/**
 * Settings of the unsupervised Fellegi-Sunter model.
 *
 * @param randomPairs     number of random record pairs sampled to estimate the u probabilities
 * @param maxIterations   upper bound of expectation-maximisation iterations
 * @param tolerance       EM stops when no parameter moves by more than this
 * @param minTermFrequency floor for term frequencies, so a value seen once does not get an unbounded weight
 */
public record ModelSpec(int randomPairs, int maxIterations, double tolerance, double minTermFrequency) {
}
