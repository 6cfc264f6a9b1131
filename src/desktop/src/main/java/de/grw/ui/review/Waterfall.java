package de.grw.ui.review;

import de.grw.api.Comparisons;
import de.grw.review.ExplanationText;
import de.grw.review.ReviewViews.PairView;
import java.util.ArrayList;
import java.util.List;

/**
 * A pair's score as Splink's waterfall draws it: the prior match weight, one step per comparison (its contribution
 * in bits, up or down, against two people taken at random or, on the household model's lines, against a pair of one
 * household), then the final match weight and probability.
 * <p>
 * Every figure is the engine's: the prior and the steps are the explanation the scorer wrote for this pair in the
 * match run that scored it (stored with the pair, and sent as it is by the server), the final weight and probability
 * are the pair's stored score. Nothing is recomputed here; the steps add up to the final weight up to the
 * explanation's rounding (three decimals per line, see {@link #roundingTolerance()}).
 *
 * @param prior       the prior match weight in bits
 * @param versus      what the lines weigh the pair against: {@link ExplanationText#OTHERS} or a household class
 * @param steps       the comparisons that took part, in the profile's order ("missing" levels carry no weight and
 *                    are left out; a direct contradiction is a step of its own without weight)
 * @param weight      the pair's match weight in bits, as scored
 * @param probability the pair's match probability, as scored
 */
public record Waterfall(double prior, String versus, List<Step> steps, double weight, double probability) {
    public Waterfall {
        steps = List.copyOf(steps);
    }

    /**
     * One comparison's bar: it starts where the previous one ended.
     *
     * @param comparison    the comparison's name ({@code given_names}, {@code household_difference}, ...)
     * @param level         the level reached
     * @param versus        what the line weighs the pair against
     * @param weight        its contribution in bits
     * @param start         the running match weight before it
     * @param contradiction a direct contradiction: the link was refused whatever the weight
     */
    public record Step(String comparison, String level, String versus, double weight, double start,
                       boolean contradiction) {
        public double end() {
            return start + weight;
        }
    }

    /** The waterfall of a scored pair, from its stored explanation and score. */
    public static Waterfall of(PairView pair) {
        double prior = Comparisons.prior(pair.explanationJson());
        double running = prior;
        String versus = ExplanationText.OTHERS;
        List<Step> steps = new ArrayList<>();
        for (String[] row : Comparisons.explanation(pair.explanationJson())) {
            if (!ExplanationText.OTHERS.equals(row[3]) && !ExplanationText.isContradiction(row[0])) {
                versus = row[3];
            }
            if ("missing".equals(row[1])) {
                continue;
            }
            boolean contradiction = ExplanationText.isContradiction(row[0]);
            double w = contradiction ? 0.0 : Double.parseDouble(row[2]);
            steps.add(new Step(row[0], row[1], row[3], w, running, contradiction));
            running += w;
        }
        return new Waterfall(prior, versus, steps, pair.weight(), pair.probability());
    }

    /** Prior plus all steps: the match weight the bars reach. */
    public double sum() {
        double s = prior;
        for (Step step : steps) {
            s += step.weight();
        }
        return s;
    }

    /** How far {@link #sum()} may lie from {@link #weight()}: each stored line is rounded to 0.001 bits. */
    public double roundingTolerance() {
        return 0.0005 * (steps.size() + 1) + 1e-9;
    }

    /** Whether the pair is weighed against a household class rather than two people taken at random. */
    public boolean household() {
        return !ExplanationText.OTHERS.equals(versus);
    }

    /** The lowest and highest running weight the chart must show (0, the prior, every step's end, the total). */
    double[] range() {
        double lo = Math.min(0, Math.min(prior, weight));
        double hi = Math.max(0, Math.max(prior, weight));
        for (Step s : steps) {
            lo = Math.min(lo, Math.min(s.start(), s.end()));
            hi = Math.max(hi, Math.max(s.start(), s.end()));
        }
        return new double[] {lo, hi};
    }
}
