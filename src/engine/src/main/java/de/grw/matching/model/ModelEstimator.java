package de.grw.matching.model;

import de.grw.common.CancellationToken;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.util.LongList;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.ComparisonSpec;
import de.grw.profile.HouseholdSpec;
import de.grw.profile.KeyPartSpec;
import de.grw.profile.MatchProfile;
import de.grw.profile.ModelSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * Estimates the model without labels, in the manner of Splink:
 * <ol>
 *   <li>u from random pairs ({@link UEstimator});</li>
 *   <li>m by EM on the pairs of each training rule (e.g. "same birth date", "same given and family name"), leaving
 *       out the comparisons on the rule's own fields, then averaged over the rules. Training on such pairs keeps
 *       households out of the estimate: members of one household share family name and address but rarely a birth
 *       date or a given name, so they cannot pose as the "match" class;</li>
 *   <li>the prior by EM over all record pairs with m and u fixed, pairs that blocking did not propose counting as
 *       non-matches.</li>
 * </ol>
 * Without training rules, one EM on the candidate pairs estimates m and the prior together.
 */
public final class ModelEstimator {
    /** A training rule with fewer pairs than this is skipped. */
    static final int MIN_TRAINING_PAIRS = 30;

    private ModelEstimator() {
    }

    /**
     * @param candidates     the candidate pairs' comparison vectors, counted
     * @param candidatePairs the candidate pairs, sorted
     * @param comparePairs   computes the comparison vectors of pairs
     */
    public static ModelParameters estimate(MatchProfile profile, CompiledComparisons comparisons, Blocker blocker,
                                           PatternCounts candidates, long[] candidatePairs, double[][] u,
                                           double totalPairs, int recordCount,
                                           Function<long[], long[]> comparePairs, CancellationToken cancel) {
        return estimateKept(profile, comparisons, blocker, candidates, candidatePairs, u, totalPairs, recordCount,
                comparePairs, cancel).model();
    }

    /**
     * A model and what the EM saw, to be kept: re-estimating from {@link #fromCounts} with the same counts, u and
     * totals gives the same model without records.
     *
     * @param model    the estimated model
     * @param emCounts the counts the EM ran on (the candidates, with the household pairs blocking left out); {@code
     *                 null} when the profile has training rules (their pairs are counted per rule and not kept)
     */
    public record Estimated(ModelParameters model, PatternCounts emCounts) {
    }

    /** As {@link #estimate}, with the counts the EM ran on. */
    public static Estimated estimateKept(MatchProfile profile, CompiledComparisons comparisons, Blocker blocker,
                                         PatternCounts candidates, long[] candidatePairs, double[][] u,
                                         double totalPairs, int recordCount,
                                         Function<long[], long[]> comparePairs, CancellationToken cancel) {
        return estimateKept(profile, comparisons, blocker, candidates,
                pair -> java.util.Arrays.binarySearch(candidatePairs, pair) >= 0, null, u, totalPairs, recordCount,
                comparePairs, cancel);
    }

    /**
     * As {@link #estimate}, with the counts the EM ran on, for a run that does not hold its candidate pairs: only
     * the household blocking rules' pairs are asked whether they are candidates.
     *
     * @param isCandidate    whether a pair of the household blocking rules is a candidate pair
     * @param householdPairs the household blocking rules' pairs ({@link #householdPairs}), {@code null}: formed here
     */
    public static Estimated estimateKept(MatchProfile profile, CompiledComparisons comparisons, Blocker blocker,
                                         PatternCounts candidates, LongPredicate isCandidate, long[] householdPairs,
                                         double[][] u, double totalPairs, int recordCount,
                                         Function<long[], long[]> comparePairs, CancellationToken cancel) {
        HouseholdPairs inMemory = samplePairs -> HouseholdPairs.inMemory(householdPairs != null ? householdPairs
                : householdPairs(profile, blocker, cancel), isCandidate, comparePairs).draw(samplePairs);
        return estimateKept(profile, comparisons, blocker, candidates, inMemory, u, totalPairs, recordCount,
                comparePairs, cancel);
    }

    /**
     * As {@link #estimate}, with the counts the EM ran on, the household blocking rules' pairs outside the
     * candidates drawn by {@code households}: the Spark job's way, whose driver holds neither the candidate pairs
     * nor the household pairs.
     *
     * @param households the household pairs that are no candidates, asked only when the profile's estimate uses
     *                   them (household blocking rules and no training rules)
     */
    public static Estimated estimateKept(MatchProfile profile, CompiledComparisons comparisons, Blocker blocker,
                                         PatternCounts candidates, HouseholdPairs households, double[][] u,
                                         double totalPairs, int recordCount,
                                         Function<long[], long[]> comparePairs, CancellationToken cancel) {
        if (profile.training().isEmpty()) {
            HouseholdSpec household = profile.model().household();
            PatternCounts seen = household == null ? candidates
                    : withHouseholdPairs(household, households, candidates);
            return new Estimated(fromCounts(profile, comparisons, seen, u, totalPairs, recordCount, candidates),
                    seen);
        }
        return new Estimated(withRules(profile, comparisons, blocker, candidates, u, totalPairs, recordCount,
                comparePairs, cancel), null);
    }

    /**
     * The distinct pairs of the profile's household blocking rules ({@link HouseholdSpec#blocking}), sorted; empty
     * when the profile has none or its estimate does not use them (training rules).
     */
    public static long[] householdPairs(MatchProfile profile, Blocker blocker, CancellationToken cancel) {
        HouseholdSpec spec = profile.model().household();
        if (spec == null || spec.blocking().isEmpty() || !profile.training().isEmpty()) {
            return new long[0];
        }
        LongList all = new LongList(1024);
        for (BlockingRuleSpec rule : spec.blocking()) {
            for (long pair : blocker.pairsOf(rule, Integer.MAX_VALUE, cancel)) {
                all.add(pair);
            }
        }
        long[] pairs = all.toArray();
        return java.util.Arrays.copyOf(pairs, LongList.sortUnique(pairs, pairs.length));
    }

    /**
     * The model from kept counts alone (no records, no blocking): what {@link #estimate} computes once the counts are
     * known, for a profile without training rules.
     *
     * @param emCounts   the counts the EM ran on ({@link Estimated#emCounts})
     * @param candidates the candidate pairs' counts (the starting share of matches is taken from their total)
     */
    public static ModelParameters fromCounts(MatchProfile profile, CompiledComparisons comparisons,
                                             PatternCounts emCounts, double[][] u, double totalPairs,
                                             int recordCount, PatternCounts candidates) {
        if (!profile.training().isEmpty()) {
            throw new IllegalArgumentException("a profile with training rules needs the records");
        }
        ModelSpec spec = profile.model();
        boolean useReference = spec.priorMatches() > 0;
        double[][] mStart = EmTrainer.initialM(comparisons, u, useReference);
        double lambdaPrior = spec.duplicatesPerRecord() > 0
                ? Math.min(0.5, spec.duplicatesPerRecord() * recordCount / totalPairs) : 0;
        double lambdaStart = Math.min(0.5, Math.max(1.0 / totalPairs,
                0.25 * Math.min(candidates.total(), recordCount) / totalPairs));
        if (spec.household() != null) {
            return withHouseholds(profile, comparisons, emCounts, u, mStart, lambdaStart, totalPairs, lambdaPrior);
        }
        return staged(profile, comparisons, emCounts, u, mStart, lambdaStart, totalPairs, lambdaPrior);
    }

    private static ModelParameters withRules(MatchProfile profile, CompiledComparisons comparisons, Blocker blocker,
                                             PatternCounts candidates, double[][] u, double totalPairs,
                                             int recordCount, Function<long[], long[]> comparePairs,
                                             CancellationToken cancel) {
        ModelSpec spec = profile.model();
        int c = comparisons.count();
        boolean useReference = spec.priorMatches() > 0;
        double[][] mStart = EmTrainer.initialM(comparisons, u, useReference);
        double lambdaPrior = spec.duplicatesPerRecord() > 0
                ? Math.min(0.5, spec.duplicatesPerRecord() * recordCount / totalPairs) : 0;
        double lambdaStart = Math.min(0.5, Math.max(1.0 / totalPairs,
                0.25 * Math.min(candidates.total(), recordCount) / totalPairs));
        boolean[] all = new boolean[c];
        boolean[] none = new boolean[c];
        java.util.Arrays.fill(all, true);
        int iterations = 0;
        boolean converged = true;
        double[][] m;
        double[][] sum = new double[c][];
        int[] sessions = new int[c];
        for (int k = 0; k < c; k++) {
            sum[k] = new double[mStart[k].length];
        }
        for (BlockingRuleSpec rule : profile.training()) {
            cancel.throwIfCancelled();
            long[] pairs = blocker.pairsOf(rule, spec.trainingPairs(), cancel);
            if (pairs.length < MIN_TRAINING_PAIRS) {
                continue;
            }
            boolean[] estimate = excludedComplement(profile, rule);
            PatternCounts counts = PatternCounts.of(comparePairs.apply(pairs));
            EmTrainer.Fit fit = EmTrainer.fit(comparisons, counts, u, mStart, estimate, none, 0.1, counts.total(),
                    spec.maxIterations(), spec.tolerance(), spec.priorMatches(), 0);
            iterations += fit.iterations();
            converged &= fit.converged();
            for (int k = 0; k < c; k++) {
                if (estimate[k]) {
                    sessions[k]++;
                    for (int l = 1; l < sum[k].length; l++) {
                        sum[k][l] += fit.m()[k][l];
                    }
                }
            }
        }
        m = new double[c][];
        for (int k = 0; k < c; k++) {
            m[k] = new double[mStart[k].length];
            for (int l = 1; l < m[k].length; l++) {
                m[k][l] = sessions[k] == 0 ? mStart[k][l] : sum[k][l] / sessions[k];
            }
        }
        EmTrainer.Fit prior = EmTrainer.fit(comparisons, candidates, u, m, none, all, lambdaStart, totalPairs,
                spec.maxIterations(), spec.tolerance(), spec.priorMatches(), lambdaPrior);
        int[] counted = counted(profile, comparisons);
        if (counted.length > 0) {
            prior = EmTrainer.fit(comparisons, candidates, u, m, none, all, prior.lambda(), totalPairs,
                    spec.maxIterations(), spec.tolerance(), spec.priorMatches(), lambdaPrior,
                    EmTrainer.Differences.after(counted, prior, true));
        }
        return new ModelParameters(comparisons.names(), labels(comparisons), m, u, prior.lambda(),
                iterations + prior.iterations(), converged && prior.converged(),
                prior.differences(counted));
    }

    /**
     * EM on the candidate pairs over all record pairs, in stages: first the identity comparisons (stage 1) with the
     * household-shared comparisons (stage 2) left out of the likelihood, then stage 2 with stage 1 fixed. A married
     * couple or a parent and child share family name and address; fitted together, such pairs outnumber the true
     * duplicates and become the "match" class. Without the address in the first stage they are plain non-matches.
     */
    private static ModelParameters staged(MatchProfile profile, CompiledComparisons comparisons,
                                          PatternCounts candidates, double[][] u, double[][] mStart,
                                          double lambdaStart, double totalPairs, double lambdaPrior) {
        ModelSpec spec = profile.model();
        int c = comparisons.count();
        boolean[] first = new boolean[c];
        boolean[] second = new boolean[c];
        boolean[] none = new boolean[c];
        for (int k = 0; k < c; k++) {
            first[k] = profile.comparisons().get(k).stage() <= 1;
            second[k] = !first[k];
        }
        EmTrainer.Fit one = EmTrainer.fit(comparisons, candidates, u, mStart, first, none, lambdaStart, totalPairs,
                spec.maxIterations(), spec.tolerance(), spec.priorMatches(), lambdaPrior);
        int iterations = one.iterations();
        boolean converged = one.converged();
        int[] counted = counted(profile, comparisons);
        if (counted.length > 0) {
            // the correction is learnt once the independent model has settled, from its posterior
            one = EmTrainer.fit(comparisons, candidates, u, one.m(), first, none, one.lambda(), totalPairs,
                    spec.maxIterations(), spec.tolerance(), spec.priorMatches(), lambdaPrior,
                    EmTrainer.Differences.after(counted, one, true));
            iterations += one.iterations();
            converged &= one.converged();
        }
        EmTrainer.Fit fit = one;
        boolean anySecond = false;
        for (boolean b : second) {
            anySecond |= b;
        }
        if (anySecond) {
            fit = EmTrainer.fit(comparisons, candidates, u, one.m(), second, first, one.lambda(), totalPairs,
                    spec.maxIterations(), spec.tolerance(), spec.priorMatches(), lambdaPrior,
                    EmTrainer.Differences.after(counted, one, false));
            iterations += fit.iterations();
            converged &= fit.converged();
        }
        return new ModelParameters(comparisons.names(), labels(comparisons), fit.m(), u, fit.lambda(), iterations,
                converged, one.differences(counted));
    }

    /**
     * EM with three classes (matches, household pairs, other pairs, see {@link HouseholdClass}) over the candidate
     * pairs, all comparisons at once: household members fall into their own class instead of posing as matches, so
     * the m of "different given name", "opposite sex" or "different tax id" is learnt from duplicates alone. The
     * difference-count correction is learnt once the independent model has settled, as in {@link #staged}.
     */
    private static ModelParameters withHouseholds(MatchProfile profile, CompiledComparisons comparisons,
                                                  PatternCounts candidates, double[][] u, double[][] mStart,
                                                  double lambdaStart, double totalPairs, double lambdaPrior) {
        ModelSpec spec = profile.model();
        int c = comparisons.count();
        boolean[] all = new boolean[c];
        boolean[] none = new boolean[c];
        java.util.Arrays.fill(all, true);
        EmTrainer.Households households = EmTrainer.Households.starting(
                Households.start(spec.household(), comparisons, u, candidates, totalPairs),
                spec.household().priorPairs());
        EmTrainer.Fit fit = EmTrainer.fit(comparisons, candidates, u, mStart, all, none, lambdaStart, totalPairs,
                spec.maxIterations(), spec.tolerance(), spec.priorMatches(), lambdaPrior,
                EmTrainer.Differences.NONE, households);
        int iterations = fit.iterations();
        boolean converged = fit.converged();
        int[] counted = counted(profile, comparisons);
        if (counted.length > 0) {
            fit = EmTrainer.fit(comparisons, candidates, u, fit.m(), all, none, fit.lambda(), totalPairs,
                    spec.maxIterations(), spec.tolerance(), spec.priorMatches(), lambdaPrior,
                    EmTrainer.Differences.after(counted, fit, true), households.after(fit, true));
            iterations += fit.iterations();
            converged &= fit.converged();
        }
        return new ModelParameters(comparisons.names(), labels(comparisons), fit.m(), u, fit.lambda(), iterations,
                converged, fit.differences(counted), fit.households());
    }

    /**
     * The candidates' comparison vectors and those of the pairs of one household that are no candidates, found by the
     * household blocking rules ({@link HouseholdSpec#blocking}): EM then sees every household pair, whichever
     * candidates blocking lets in, while only the candidates are scored and clustered. Above
     * {@link HouseholdSpec#samplePairs} such pairs an even sample of them is compared and counted for all
     * ({@link HouseholdPairs}).
     */
    static PatternCounts withHouseholdPairs(HouseholdSpec spec, HouseholdPairs households,
                                            PatternCounts candidates) {
        if (spec.blocking().isEmpty()) {
            return candidates;
        }
        HouseholdPairs.Drawn drawn = households.draw(spec.samplePairs());
        if (drawn.count() == 0) {
            return candidates;
        }
        int sample = HouseholdPairs.sampleSize(drawn.count(), spec.samplePairs());
        return candidates.plus(drawn.sample(), (double) drawn.count() / sample);
    }

    /** Indices of the comparisons named in the model's {@code differences}. */
    static int[] counted(MatchProfile profile, CompiledComparisons comparisons) {
        List<String> names = comparisons.names();
        return profile.model().differences().stream().mapToInt(names::indexOf).filter(i -> i >= 0).toArray();
    }

    /** Comparisons that do not look at any field of the rule: those are estimated on the rule's pairs. */
    static boolean[] excludedComplement(MatchProfile profile, BlockingRuleSpec rule) {
        Set<String> ruleFields = new HashSet<>();
        for (KeyPartSpec part : rule.parts()) {
            ruleFields.addAll(part.allFields());
        }
        List<ComparisonSpec> specs = profile.comparisons();
        boolean[] estimate = new boolean[specs.size()];
        for (int k = 0; k < specs.size(); k++) {
            estimate[k] = specs.get(k).fields().stream().noneMatch(ruleFields::contains);
        }
        return estimate;
    }

    private static List<List<String>> labels(CompiledComparisons comparisons) {
        List<List<String>> labels = new ArrayList<>();
        for (int k = 0; k < comparisons.count(); k++) {
            labels.add(comparisons.labels(k));
        }
        return labels;
    }
}
