package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.review.ComparisonService;
import de.grw.review.ComparisonTable;
import de.grw.review.DecisionState;
import de.grw.review.FieldChoice;
import de.grw.review.GoldenValue;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A golden record that grows keeps the clerk's work: when a later record joins an approved golden record, the
 * extension cluster names the golden record, its merges and the values clerks chose or typed for it; the proposal
 * starts from those values, and approving the extension keeps them (a typed e-mail stays, a chosen address does not
 * fall back to the survivorship rules' pick) unless a clerk changes them, in which case the new choice wins.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class GrowingGoldenRecordTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPED = "anna.beispiel@example.org";

    @TempDir
    Path dir;

    private static long sourceOf(Workspace w, long record) {
        return TestWorkspaces.count(w, "SELECT source_id FROM records WHERE id = ?", record);
    }

    private static Map<String, GoldenValue> current(Workspace w, String golden) {
        Map<String, GoldenValue> out = new HashMap<>();
        for (List<Object> r : TestWorkspaces.rows(w, "SELECT field, value, origin, origin_record FROM golden_values "
                + "WHERE golden_id = ? AND superseded_by IS NULL", golden)) {
            out.put((String) r.get(0), new GoldenValue((String) r.get(0), (String) r.get(1),
                    "MANUAL".equals(r.get(2)), r.get(3) == null ? 0 : ((Number) r.get(3)).longValue()));
        }
        return out;
    }

    /** Imports a copy of a Melderegister record under a new number, living at another address; its database id. */
    private long arrives(Workspace w, TestWorkspaces.Fixture f, long like, String key, String street)
            throws Exception {
        String[] columns = JSON.readValue((String) TestWorkspaces.rows(w, "SELECT columns_json FROM sources "
                + "WHERE id = 1").get(0).get(0), String[].class);
        String[] cells = JSON.readValue((String) TestWorkspaces.rows(w, "SELECT cells_json FROM records WHERE "
                + "id = ?", like).get(0).get(0), String[].class);
        cells[0] = key;
        cells[List.of(columns).indexOf("Straße")] = street;
        Path file = dir.resolve("nachtrag-" + key + ".csv");
        Files.writeString(file, String.join(";", columns) + "\n" + String.join(";", cells) + "\n",
                StandardCharsets.UTF_8);
        TestWorkspaces.importFile(w, f.admin(), file, null);
        return TestWorkspaces.count(w, "SELECT max(id) FROM records");
    }

    private static long clusterWith(Workspace w, ReviewService review, TestWorkspaces.Fixture f, long record) {
        return review.queue(f.clerk(), null, 0).stream().map(QueueEntry::clusterId)
                .filter(id -> TestWorkspaces.members(w, id).contains(record)).findFirst().orElseThrow();
    }

    @Test
    void anExtensionKeepsChosenAndTypedValuesUnlessAClerkChangesThem() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ReviewService review = f.review();
            long cluster = review.queue(f.clerk(), null, 0).stream().filter(q -> q.size() == 2
                            && TestWorkspaces.members(w, q.clusterId()).stream().allMatch(r -> sourceOf(w, r) == 1))
                    .findFirst().or(() -> review.queue(f.clerk(), null, 0).stream().filter(q -> q.size() == 2
                            && TestWorkspaces.members(w, q.clusterId()).stream().anyMatch(r -> sourceOf(w, r) == 1))
                            .findFirst()).orElseThrow().clusterId();
            List<Long> first = TestWorkspaces.members(w, cluster);
            long melde = first.stream().filter(r -> sourceOf(w, r) == 1).findFirst().orElseThrow();
            long chosen = first.stream().filter(r -> r != melde).findFirst().orElse(first.get(1));
            // the clerk takes the address of one record and types an e-mail address
            DecisionView merge = review.propose(f.clerk(), cluster, new MergeCommand(first, Map.of(
                    "address", new FieldChoice.FromRecord(chosen), "email", new FieldChoice.Manual(TYPED))),
                    "dieselbe Person", "AZ-1");
            review.approve(f.supervisor(), merge.id(), "geprüft");
            String golden = (String) TestWorkspaces.rows(w, "SELECT id FROM golden_records").get(0).get(0);
            assertThat(current(w, golden).get("street").originRecord()).isEqualTo(chosen);
            assertThat(current(w, golden).get("email")).isEqualTo(new GoldenValue("email", TYPED, true, 0));

            // a later record of the same person, at another address, joins her in an extension cluster
            long later = arrives(w, f, melde, "199999991", "Neue Allee");
            TestWorkspaces.match(w, f.clerk());
            long extension = clusterWith(w, review, f, later);
            ClusterView view = review.show(f.clerk(), extension, "AZ-2");
            assertThat(view.extending()).as("the cluster names the golden record it extends").isNotNull();
            assertThat(view.extending().goldenIds()).containsExactly(golden);
            assertThat(view.extending().kept()).containsEntry("address", new FieldChoice.FromRecord(chosen))
                    .containsEntry("email", new FieldChoice.Manual(TYPED));
            assertThat(view.extending().history()).extracting(DecisionView::id).containsExactly(merge.id());
            assertThat(view.proposal().get("email").value()).isEqualTo(TYPED);
            assertThat(view.proposal().get("street").originRecord()).isEqualTo(chosen);
            ComparisonTable table = new ComparisonService(f.review().profile(), f.review().governance())
                    .cluster(view, null, Map.of());
            assertThat(table.rows()).filteredOn(r -> r.field().equals("email")).singleElement()
                    .satisfies(r -> assertThat(r.golden()).isEqualTo(TYPED));

            // approving the extension without new choices keeps them
            List<Long> all = TestWorkspaces.members(w, extension);
            DecisionView extend = review.propose(f.clerk(), extension, new MergeCommand(all, Map.of()),
                    "Nachtrag", "AZ-3");
            assertThat(review.approve(f.supervisor2(), extend.id(), "geprüft").state())
                    .isEqualTo(DecisionState.EFFECTIVE);
            Map<String, GoldenValue> after = current(w, golden);
            assertThat(after.get("email")).isEqualTo(new GoldenValue("email", TYPED, true, 0));
            assertThat(after.get("street").originRecord()).isEqualTo(chosen);
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_members WHERE golden_id = ? AND "
                    + "removed_by IS NULL", golden)).isEqualTo(first.size() + 1);

            // a further record: this time the clerk takes the new address, which wins; the typed e-mail stays
            long latest = arrives(w, f, melde, "199999992", "Letzte Gasse");
            TestWorkspaces.match(w, f.clerk());
            long again = clusterWith(w, review, f, latest);
            assertThat(review.show(f.clerk(), again, "AZ-4").extending().history()).extracting(DecisionView::id)
                    .containsExactly(merge.id(), extend.id());
            DecisionView moved = review.propose(f.clerk(), again, new MergeCommand(TestWorkspaces.members(w, again),
                    Map.of("address", new FieldChoice.FromRecord(latest))), "umgezogen", "AZ-5");
            review.approve(f.supervisor(), moved.id(), "geprüft");
            Map<String, GoldenValue> last = current(w, golden);
            assertThat(last.get("street")).isEqualTo(new GoldenValue("street", "Letzte Gasse", false, latest));
            assertThat(last.get("email")).isEqualTo(new GoldenValue("email", TYPED, true, 0));
        }
    }
}
