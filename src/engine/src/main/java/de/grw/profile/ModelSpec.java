package de.grw.profile;

/**
 * Settings of the unsupervised Fellegi-Sunter model.
 *
 * @param randomPairs        number of random record pairs sampled to estimate the u probabilities
 * @param trainingPairs      upper bound of pairs taken from each training rule
 * @param maxIterations      upper bound of expectation-maximisation iterations
 * @param tolerance          EM stops when no parameter moves by more than this
 * @param minTermFrequency   floor for term frequencies, so a value seen once does not get an unbounded weight
 * @param priorMatches       weight of the comparisons' reference m values, in matching pairs: small inputs lean on
 *                           the reference, large inputs on their own data (0 switches the reference off)
 * @param priorPairs         weight of the reference u values, in random pairs
 * @param priorRecords       weight of the reference u value in term frequencies, in records: in a file of a few
 *                           dozen records a name seen twice is not thereby common
 * @param duplicatesPerRecord reference share of records that have a duplicate, for the prior probability of a match
 * @param differences        comparisons whose number of simultaneous differences the model learns as evidence of its
 *                           own (see {@code DifferenceCount}); empty or absent: comparisons independent
 * @param household          the household class of the model (see {@link HouseholdSpec}), or {@code null}: two classes,
 *                           matches and non-matches, estimated in stages
 */
public record ModelSpec(int randomPairs, int trainingPairs, int maxIterations, double tolerance, double minTermFrequency,
                        double priorMatches, double priorPairs, double priorRecords, double duplicatesPerRecord,
                        java.util.List<String> differences, HouseholdSpec household) {

    public ModelSpec {
        differences = differences == null ? java.util.List.of() : java.util.List.copyOf(differences);
    }

    /** Settings without household class. */
    public ModelSpec(int randomPairs, int trainingPairs, int maxIterations, double tolerance, double minTermFrequency,
                     double priorMatches, double priorPairs, double priorRecords, double duplicatesPerRecord,
                     java.util.List<String> differences) {
        this(randomPairs, trainingPairs, maxIterations, tolerance, minTermFrequency, priorMatches, priorPairs,
                priorRecords, duplicatesPerRecord, differences, null);
    }

    /** Settings without difference-count correction. */
    public ModelSpec(int randomPairs, int trainingPairs, int maxIterations, double tolerance, double minTermFrequency,
                     double priorMatches, double priorPairs, double priorRecords, double duplicatesPerRecord) {
        this(randomPairs, trainingPairs, maxIterations, tolerance, minTermFrequency, priorMatches, priorPairs,
                priorRecords, duplicatesPerRecord, java.util.List.of());
    }
}
