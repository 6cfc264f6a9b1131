package de.grw.ui.review;

import static de.grw.ui.UiTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.model.Scorer;
import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.PairView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the explanation said "Wahrscheinlichkeit 1,0000" for a cluster the queue listed at 0,910 and "Vornamen:
 * gleich" while the grid marked the given names red, because it explained the strongest pair without saying so. Now
 * it explains the weakest link by default, and its lines and the grid's contribution column belong to that pair.
 */
class ExplanationOfAPairTest {
    @TempDir
    Path dir;
    private WorkbenchModel model;
    private ReviewViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    @BeforeEach
    void setUp() {
        model = UiTestSupport.signedInModel(dir);
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        model.signedIn().matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        vm = new ReviewViewModel(UiTestSupport.context(model, new UiTestSupport.Recorded()));
        onFx(() -> vm.caseRefProperty().set("51.2-2026/4711"));
        onFx(vm::refresh);
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    /** Opens the first cluster of the queue whose weakest link is not its strongest pair; its queue entry. */
    private QueueEntry openChainLike() {
        for (int i = 0; i < vm.queue().size(); i++) {
            QueueEntry entry = vm.queue().get(i);
            if (entry.size() < 3 || entry.maxProbability() - entry.minProbability() < 0.01) {
                continue;
            }
            int index = i;
            onFx(() -> vm.open(index));
            return entry;
        }
        throw new AssertionError("no cluster of three or more records with links of different strength");
    }

    @Test
    void theDefaultPairIsTheWeakestLinkTheQueueLists() {
        QueueEntry entry = openChainLike();
        ClusterView view = vm.currentProperty().get();
        assertThat(view.clusterId()).isEqualTo(entry.clusterId());
        PairView explained = vm.explained().pairProperty().get();
        assertThat(explained.probability()).as("the probability the queue lists")
                .isCloseTo(entry.minProbability(), within(1e-9));
        PairView strongest = view.pairs().get(0);
        assertThat(explained).as("not the strongest pair, which the panel explained before").isNotEqualTo(strongest);

        // the explanation lines are that pair's, and so is the grid's contribution column
        assertThat(vm.explanation()).extracting(r -> r[0] + "/" + r[1] + "/" + r[2]).containsExactlyElementsOf(
                de.grw.api.Comparisons.explanation(explained.explanationJson()).stream()
                        .filter(r -> !"missing".equals(r[1])).map(r -> r[0] + "/" + r[1] + "/" + r[2]).toList());
        String givenLevel = vm.explanation().stream().filter(r -> r[0].equals("given_names")).map(r -> r[1])
                .findFirst().orElse(null);
        FieldRow given = vm.rows().stream().filter(r -> r.field().equals("given_names")).findFirst().orElseThrow();
        assertThat(given.comparison()).isEqualTo(givenLevel);

        // the level names what the two records of the pair hold: "gleich" only if their given names are the same
        int a = ExplainedPair.column(view, explained.recordA()) - 1;
        int b = ExplainedPair.column(view, explained.recordB()) - 1;
        Normaliser names = Normalisers.get("given_name");
        String na = names.normalise(given.values().get(a));
        String nb = names.normalise(given.values().get(b));
        if ("exact".equals(givenLevel)) {
            assertThat(na).isEqualTo(nb);
        }
        if (na != null && Objects.equals(na, nb)) {
            assertThat(givenLevel).isNotEqualTo("else");
        }

        // choosing the strongest pair explains that one instead
        onFx(() -> vm.explained().select(strongest));
        assertThat(vm.explained().pairProperty().get()).isEqualTo(strongest);
        assertThat(vm.explanation()).extracting(r -> r[0] + "/" + r[1] + "/" + r[2]).containsExactlyElementsOf(
                de.grw.api.Comparisons.explanation(strongest.explanationJson()).stream()
                        .filter(r -> !"missing".equals(r[1])).map(r -> r[0] + "/" + r[1] + "/" + r[2]).toList());
        // the next cluster starts again from its weakest link
        onFx(vm::next);
        QueueEntry next = vm.queue().get(vm.positionProperty().get());
        assertThat(vm.explained().pairProperty().get().probability()).isCloseTo(next.minProbability(), within(1e-9));
    }

    @Test
    void theWaterfallsBarsAddUpToTheEnginesScore() {
        int checked = 0;
        int household = 0;
        for (int i = 0; i < Math.min(40, vm.queue().size()); i++) {
            int index = i;
            onFx(() -> vm.open(index));
            for (PairView p : vm.currentProperty().get().pairs()) {
                Waterfall w = Waterfall.of(p);
                assertThat(w.sum()).as("prior + bars = the stored match weight").isCloseTo(p.weight(),
                        within(w.roundingTolerance()));
                assertThat(w.weight()).isEqualTo(p.weight());
                assertThat(w.probability()).isEqualTo(p.probability());
                assertThat(Scorer.probability(w.weight())).isCloseTo(p.probability(), within(1e-12));
                assertThat(w.steps()).isNotEmpty();
                household += w.household() ? 1 : 0;
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(household).as("the household model's lines are among them").isPositive();
    }
}
