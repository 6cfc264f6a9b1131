package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.matching.model.Contribution;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Match runs store a pair's explanation compact ({@link StoredExplanation}); every reader gets back exactly the JSON
 * the runs stored before: the samples matched the old way (JSON) and the new way give, pair by pair, the same
 * explanation through the store's readers (review's cluster view, the queue's weakest pair), on both stores.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class StoredExplanationTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    /** What a run left: per pair (cluster, a, b) the stored text, and the readers' JSON of every cluster's pairs. */
    private record Stored(List<List<Object>> rows, List<String> shown, List<String> weakest, long bytes) {
    }

    private Stored matched(String name, boolean compact) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        try (TestStore s = TestStore.of(store, d)) {
            try (Workspace w = s.create("person-de")) {
                Session admin = TestWorkspaces.createWithUsers(w);
                for (String source : TestWorkspaces.SAMPLES) {
                    TestWorkspaces.importFile(w, admin, Path.of("samples", source + ".csv"), null);
                }
                MatchResultStore.compact = compact;
                try {
                    TestWorkspaces.match(w, admin);
                } finally {
                    MatchResultStore.compact = true;
                }
            }
            try (Workspace w = s.open()) {
                TestWorkspaces.Fixture f = TestWorkspaces.fixture(w, s);
                List<List<Object>> rows = TestWorkspaces.rows(w, "SELECT cluster_id, record_a, record_b, "
                        + "explanation_json FROM cluster_pairs ORDER BY cluster_id, record_a, record_b");
                long bytes = rows.stream().mapToLong(r -> ((String) r.get(3)).length()).sum();
                List<String> shown = new ArrayList<>();
                List<String> weakest = new ArrayList<>();
                List<Long> clusters = rows.stream().map(r -> ((Number) r.get(0)).longValue()).distinct().toList();
                ReviewService review = f.review();
                for (long cluster : clusters) {
                    for (ReviewViews.PairView p : review.show(f.clerk(), cluster, "AZ-1").pairs()) {
                        shown.add(cluster + ":" + p.recordA() + "-" + p.recordB() + ":" + p.explanationJson());
                    }
                    weakest.add(cluster + ":" + w.read(c -> ClusterRepository.weakestPair(c, cluster)).map(p -> p[3])
                            .orElseThrow());
                }
                return new Stored(rows, shown, weakest, bytes);
            }
        }
    }

    @Test
    void theReadersGetTheJsonTheRunsStoredBefore() throws Exception {
        Stored json = matched("json", false);
        Stored compact = matched("compact", true);
        assertThat(json.rows()).hasSizeGreaterThan(100).hasSameSizeAs(compact.rows());
        // stored compact, about a third of the JSON
        assertThat(json.rows()).allSatisfy(r -> assertThat((String) r.get(3)).startsWith("{\"prior\":"));
        assertThat(compact.rows()).allSatisfy(r -> assertThat((String) r.get(3)).startsWith("~"));
        assertThat(compact.bytes()).isLessThan(json.bytes() / 2);
        // each pair's stored line turns back into the JSON stored before for that pair, with every line kind there
        for (int i = 0; i < json.rows().size(); i++) {
            List<Object> before = json.rows().get(i);
            List<Object> now = compact.rows().get(i);
            assertThat(now.subList(0, 3)).isEqualTo(before.subList(0, 3));
            assertThat(StoredExplanation.json((String) now.get(3))).isEqualTo(before.get(3));
        }
        String all = String.join("\n", json.shown());
        assertThat(all).contains("\"tf\":true", "\"tf\":false", "\"versus\":\"household\"", "\"level\":\"missing\"");
        // and so the review's cluster view and the queue's weakest pair show exactly what they showed before
        // (pairs of equal probability come in either order on PostgreSQL)
        assertThat(compact.shown()).hasSizeGreaterThanOrEqualTo(json.rows().size())
                .containsExactlyInAnyOrderElementsOf(json.shown());
        assertThat(compact.weakest()).isEqualTo(json.weakest());
    }

    @Test
    void aLineTurnsBackIntoTheJsonOfTheSameContributions() {
        List<Contribution> lines = List.of(new Contribution("family_name", "exact", 7.123456, true),
                new Contribution("given_names", "else", -4.0004, false, Contribution.HOUSEHOLD),
                new Contribution("email", "missing", 0.0, false),
                new Contribution("birth_date", "equal", 12345678.9, false),
                new Contribution("contradiction", "tax_id_identifier_differs", 0.0, false));
        String stored = StoredExplanation.encode(-13.98765, lines);
        assertThat(stored).isEqualTo("~-13.988;family_name,exact,7.123t;given_names,else,-4.0,household;"
                + "email,missing,0.0;birth_date,equal,1.23456789E7;contradiction,tax_id_identifier_differs,0.0");
        assertThat(StoredExplanation.json(stored)).isEqualTo(StoredExplanation.jsonOf(-13.98765, lines));
        assertThat(StoredExplanation.json("~1.5")).isEqualTo(StoredExplanation.jsonOf(1.5, List.of()));
    }

    @Test
    void namesThatAreNotPlainWordsAreStoredAsJson() {
        for (List<Contribution> odd : List.of(List.of(new Contribution("family name", "exact", 1, false)),
                List.of(new Contribution("family_name", "a,b", 1, false)),
                List.of(new Contribution("family_name", "exakt;", 1, false)),
                List.of(new Contribution("family_name", "exact", 1, false, "house hold")))) {
            String stored = StoredExplanation.encode(-2, odd);
            assertThat(stored).isEqualTo(StoredExplanation.jsonOf(-2, odd)).startsWith("{");
            assertThat(StoredExplanation.json(stored)).isEqualTo(stored);
        }
    }
}
