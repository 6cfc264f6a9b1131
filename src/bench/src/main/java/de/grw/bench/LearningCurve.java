package de.grw.bench;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.evaluation.PairwiseEvaluation;
import de.grw.learning.ActiveLearning;
import de.grw.learning.Candidates;
import de.grw.learning.Correction;
import de.grw.learning.LabelledExample;
import de.grw.learning.LabelledTraining;
import de.grw.learning.LearningSettings;
import de.grw.review.QueueMode;
import de.grw.learning.ThresholdEstimate;
import de.grw.learning.Training;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelParameters;
import de.grw.profile.MatchProfile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A simulated clerk teaching the model: the review offers pairs in a {@link QueueMode}, the clerk answers from the
 * truth (or from real clerical labels, and cannot answer pairs without one), the model retrains after every batch,
 * and at each checkpoint the whole input is matched again with the corrected model and evaluated: the model alone
 * (threshold 0.5, nothing enforced), with the clerks' decisions enforced as the workspace enforces them (answered
 * matches linked, non-matches kept apart), and the model alone at the threshold estimated from the labels.
 */
final class LearningCurve {
    /** The clerk: whether two record indexes are one person, or {@code null} where it cannot say. */
    interface Clerk {
        Boolean answer(int a, int b);
    }

    /**
     * The figures at one checkpoint.
     *
     * @param retrainings  retrainings since the previous checkpoint
     * @param meanSeconds  their mean time
     * @param maxSeconds   their longest time
     * @param atThreshold  F1 of the model alone at the estimated threshold, or NaN while there is none
     */
    record Point(int labels, PairwiseEvaluation model, PairwiseEvaluation enforced, ThresholdEstimate threshold,
                 double atThreshold, int retrainings, double meanSeconds, double maxSeconds) {
    }

    private final MatchProfile profile;
    private final RecordTable table;
    private final MatchResult result;
    private final String[] truth;
    private final Clerk clerk;
    private final LearningSettings settings;
    private final Candidates candidates;
    private final List<Integer> askable;

    LearningCurve(MatchProfile profile, RecordTable table, MatchResult result, String[] truth, Clerk clerk,
                  LearningSettings settings) {
        this.profile = profile;
        this.table = table;
        this.result = result;
        this.truth = truth;
        this.clerk = clerk;
        this.settings = settings;
        long[] patterns = new long[result.pairCount()];
        double[] weights = new double[patterns.length];
        List<Integer> ask = new ArrayList<>();
        for (int p = 0; p < patterns.length; p++) {
            patterns[p] = result.pattern(p);
            weights[p] = result.weight(p);
            if (clerk.answer(result.first(p), result.second(p)) != null) {
                ask.add(p);
            }
        }
        this.candidates = Candidates.ofPairs(patterns, weights);
        this.askable = ask;
    }

    /** Pairs the clerk can answer among the candidates. */
    int askable() {
        return askable.size();
    }

    List<Point> run(QueueMode mode, int[] checkpoints, int batch, PrintWriter out) {
        ModelParameters base = result.model();
        List<LabelledExample> examples = new ArrayList<>();
        List<int[]> answered = new ArrayList<>();
        Set<Integer> asked = new HashSet<>();
        Training training = LabelledTraining.train(base, examples, (Candidates) null, settings);
        List<Point> points = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        int max = checkpoints[checkpoints.length - 1];
        int next = 0;
        while (true) {
            if (next < checkpoints.length && examples.size() >= checkpoints[next]) {
                // the threshold is estimated at the checkpoints only (the retraining after each batch is the fit)
                points.add(evaluate(LabelledTraining.train(base, examples, candidates, settings), answered, times));
                Point p = points.get(points.size() - 1);
                out.printf(java.util.Locale.ROOT, "  %-15s %5d labels: F1 model %.4f (P %.4f R %.4f), with decisions "
                                + "%.4f, at estimated threshold %s; retrainings %d, mean %.1f ms, max %.1f ms%s%n",
                        mode.code(), p.labels(), p.model().f1(), p.model().precision(), p.model().recall(),
                        p.enforced().f1(), Double.isNaN(p.atThreshold()) ? "-" : String.format(java.util.Locale.ROOT,
                                "%.4f", p.atThreshold()), p.retrainings(), p.meanSeconds() * 1000,
                        p.maxSeconds() * 1000, p.threshold() == null ? "" : "; " + p.threshold());
                out.flush();
                times.clear();
                next++;
            }
            if (examples.size() >= max || asked.size() >= askable.size()) {
                break;
            }
            int want = Math.min(batch, (next < checkpoints.length ? checkpoints[next] : max) - examples.size());
            List<ActiveLearning.Candidate> pool = new ArrayList<>(askable.size() - asked.size());
            for (int p : askable) {
                if (!asked.contains(p)) {
                    pool.add(new ActiveLearning.Candidate(p, result.pattern(p), result.weight(p)));
                }
            }
            for (long id : ActiveLearning.order(pool, training.correction(), 0.5, want, mode)) {
                int p = (int) id;
                asked.add(p);
                int a = result.first(p);
                int b = result.second(p);
                boolean match = clerk.answer(a, b);
                examples.add(new LabelledExample(result.pattern(p), result.weight(p), match));
                answered.add(new int[] {a, b, match ? 1 : 0});
            }
            training = LabelledTraining.train(base, examples, (Candidates) null, settings);
            times.add(training.seconds());
        }
        return points;
    }

    private Point evaluate(Training training, List<int[]> answered, List<Double> times) {
        MatchOptions options = MatchOptions.defaults();
        PairwiseEvaluation alone = match(training.model(), options, List.of());
        PairwiseEvaluation enforced = answered.isEmpty() ? alone : match(training.model(), options, answered);
        double atThreshold = Double.NaN;
        if (training.threshold() != null) {
            atThreshold = training.threshold().threshold() == 0.5 ? alone.f1()
                    : match(training.model(), options.withThreshold(training.threshold().threshold()), List.of())
                    .f1();
        }
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double longest = times.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new Point(training.labels(), alone, enforced, training.threshold(), atThreshold, times.size(), mean,
                longest);
    }

    /** Matches everything again with a model; answered pairs enforced as a workspace enforces decisions. */
    private PairwiseEvaluation match(ModelParameters model, MatchOptions options, List<int[]> answered) {
        int n = table.size();
        int[] parent = new int[n];
        Arrays.setAll(parent, i -> i);
        Set<Long> cannot = new HashSet<>();
        List<int[]> nonMatches = new ArrayList<>();
        for (int[] a : answered) {
            if (a[2] == 0) {
                nonMatches.add(a);
            }
        }
        // matches first (as merged golden records), skipping one that would join two records kept apart
        for (int[] a : answered) {
            if (a[2] == 1) {
                int ra = root(parent, a[0]);
                int rb = root(parent, a[1]);
                boolean conflict = false;
                for (int[] nm : nonMatches) {
                    int x = root(parent, nm[0]);
                    int y = root(parent, nm[1]);
                    conflict |= (x == ra && y == rb) || (x == rb && y == ra);
                }
                if (!conflict) {
                    parent[ra] = rb;
                }
            }
        }
        for (int[] nm : nonMatches) {
            if (root(parent, nm[0]) != root(parent, nm[1])) {
                cannot.add(CandidatePairs.pack(nm[0], nm[1]));
            }
        }
        java.util.Map<Integer, List<Integer>> groups = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            if (parent[i] != i) {
                groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>(List.of(k))).add(i);
            }
        }
        int[][] mustLink = groups.values().stream().map(g -> g.stream().mapToInt(Integer::intValue).sorted()
                .toArray()).toArray(int[][]::new);
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        MatchResult again = new de.grw.matching.IncrementalMatch(profile).runWithModel(table, model, options, all, touched -> touched,
                (a, b) -> cannot.contains(CandidatePairs.pack(a, b)), mustLink, ProgressListener.NONE,
                CancellationToken.NONE);
        Integer[] predicted = new Integer[n];
        for (int r = 0; r < n; r++) {
            predicted[r] = again.clusterOf(r);
        }
        return PairwiseEvaluation.of(predicted, truth);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
