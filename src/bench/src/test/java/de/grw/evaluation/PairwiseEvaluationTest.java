package de.grw.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairwiseEvaluationTest {

    @Test
    void handComputedExample() {
        // predicted clusters {0,1,2} {3,4} {5}: 3 + 1 = 4 pairs; entities a {0,1} b {2,3,4} c {5}: 1 + 3 = 4 pairs;
        // true predicted pairs: 0-1 (a) and 3-4 (b)
        Integer[] predicted = {1, 1, 1, 2, 2, 3};
        String[] truth = {"a", "a", "b", "b", "b", "c"};
        PairwiseEvaluation e = PairwiseEvaluation.of(predicted, truth);
        assertThat(e).isEqualTo(new PairwiseEvaluation(2, 4, 4));
        assertThat(e.precision()).isEqualTo(0.5);
        assertThat(e.recall()).isEqualTo(0.5);
        assertThat(e.f1()).isEqualTo(0.5);
    }

    @Test
    void precisionAndRecallDiffer() {
        // predicted {0,1} {2,3}: 2 pairs; entity x {0,1,2}, y {3}: 3 pairs; only 0-1 is true
        PairwiseEvaluation e = PairwiseEvaluation.of(new Integer[] {1, 1, 2, 2}, new String[] {"x", "x", "x", "y"});
        assertThat(e).isEqualTo(new PairwiseEvaluation(1, 2, 3));
        assertThat(e.precision()).isEqualTo(0.5);
        assertThat(e.recall()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(e.f1()).isCloseTo(2 * 0.5 * (1 / 3.0) / (0.5 + 1 / 3.0), within(1e-12))
                .isCloseTo(0.4, within(1e-12));
    }

    @Test
    void labelsAreOnlyCompared() {
        // other label values, same partition: same result
        PairwiseEvaluation e = PairwiseEvaluation.of(new String[] {"q", "q", "q", "r", "r", "s"},
                new Integer[] {7, 7, 9, 9, 9, 8});
        assertThat(e).isEqualTo(new PairwiseEvaluation(2, 4, 4));
    }

    @Test
    void perfectClustering() {
        PairwiseEvaluation e = PairwiseEvaluation.of(new Integer[] {1, 1, 2, 3, 3, 3}, new String[] {"a", "a", "b",
            "c", "c", "c"});
        assertThat(e).isEqualTo(new PairwiseEvaluation(4, 4, 4));
        assertThat(e.f1()).isEqualTo(1.0);
    }

    @Test
    void noPredictedPairs() {
        PairwiseEvaluation e = PairwiseEvaluation.of(new Integer[] {1, 2, 3}, new String[] {"a", "a", "b"});
        assertThat(e.precision()).isEqualTo(1.0);
        assertThat(e.recall()).isZero();
        assertThat(e.f1()).isZero();
    }

    @Test
    void noTruePairs() {
        PairwiseEvaluation e = PairwiseEvaluation.of(new Integer[] {1, 1, 2}, new String[] {"a", "b", "c"});
        assertThat(e.precision()).isZero();
        assertThat(e.recall()).isEqualTo(1.0);
        assertThat(e.f1()).isZero();
        PairwiseEvaluation empty = PairwiseEvaluation.of(new Integer[0], new String[0]);
        assertThat(empty.f1()).isEqualTo(1.0);
    }

    @Test
    void oneLabelPerRecord() {
        assertThatThrownBy(() -> PairwiseEvaluation.of(new Integer[] {1, 2}, new String[] {"a"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readableSummary() {
        assertThat(new PairwiseEvaluation(1, 2, 3).toString()).isEqualTo(
                String.format("precision %.4f, recall %.4f, F1 %.4f (1 of 2 predicted pairs true, 3 true pairs)",
                        0.5, 1 / 3.0, 0.4));
    }
}
