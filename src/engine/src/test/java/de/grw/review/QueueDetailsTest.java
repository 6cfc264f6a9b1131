package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.access.AccessLog;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The queue says what a row is (name, sources, size, weakest link and its reason) without leaking a name the user
 * may not see, and a listing with names is logged as one access.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class QueueDetailsTest {
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void rowsNameThePersonMaskedUnderABlockingNoticeAndTheListingIsOneAccess() throws Exception {
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            BulkFixture f = new BulkFixture(w, dir);
            List<QueueEntry> plain = f.review.queue(f.anna, null, 0);
            assertThat(plain).hasSize(8);
            // without names: sources and the weakest link, no personal data, nothing logged
            assertThat(plain).allSatisfy(e -> {
                assertThat(e.name()).isNull();
                assertThat(e.sources()).containsExactly("melderegister", "sozialamt");
                assertThat(e.weakest()).isNotNull();
                assertThat(e.weakest().probability()).isEqualTo(e.minProbability());
            });
            assertThat(w.read(AccessLog::all)).isEmpty();
            // the weakest link's reason is the comparison that weakens it most: a street written differently
            QueueEntry schmidt = plain.stream().filter(e -> e.weakest().comparison() != null
                    && e.weakest().weight() < 0).findFirst().orElseThrow();
            assertThat(schmidt.weakest().level()).isNotBlank();

            List<QueueEntry> named = f.review.queueWithNames(f.anna, null, List.of(), 0, 1, 0, "AZ-7");
            assertThat(named).extracting(QueueEntry::name).contains("Schmidt, Anna", "Nowak, Piotr")
                    .doesNotContain("Berghorst, Ines").contains(RecordLoader.MASK);
            QueueEntry blocked = named.stream().filter(e -> RecordLoader.MASK.equals(e.name())).findFirst()
                    .orElseThrow();
            // a supervisor may see blocked people: the same row names Berghorst for them
            assertThat(f.review.queueWithNames(f.bernd, null, List.of(), 0, 1, 0, "AZ-7")).filteredOn(
                    e -> e.clusterId() == blocked.clusterId()).extracting(QueueEntry::name)
                    .containsExactly("Berghorst, Ines");

            List<AccessLog.Entry> annas = annasAccesses(w);
            assertThat(annas).hasSize(1);
            AccessLog.Entry listing = annas.get(0);
            assertThat(listing.action()).isEqualTo("QUEUE");
            assertThat(listing.caseRef()).isEqualTo("AZ-7");
            // the clusters whose names were shown are named, the masked one is not; one record per shown name
            assertThat(listing.detail()).startsWith("queue: clusters ").doesNotContain(" " + blocked.clusterId()
                    + ",").doesNotEndWith(" " + blocked.clusterId());
            assertThat(listing.recordIds()).hasSize(7);
            // the same listing again (the queue reloads when others decide) is the same access, not a second one
            f.review.queueWithNames(f.anna, null, List.of(), 0, 1, 0, "AZ-7");
            assertThat(annasAccesses(w)).hasSize(1);
            // another case reference is another access
            f.review.queueWithNames(f.anna, null, List.of(), 0, 1, 0, "AZ-8");
            assertThat(annasAccesses(w)).hasSize(2);
            // an account of another application sees no queue at all
            assertThatThrownBy(() -> f.review.queueWithNames(f.api, null, List.of(), 0, 1, 0, "AZ-7"))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    private static List<AccessLog.Entry> annasAccesses(Workspace w) {
        return w.read(c -> AccessLog.byUser(c, "anna"));
    }
}
