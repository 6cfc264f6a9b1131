package de.grw.matching.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A prepared field rebuilt from its parts ({@link PreparedField#of}) over a table of sources only
 * ({@link RecordTable#ofSources}): what the Spark job's executors hold instead of the original values.
 */
class PreparedFieldPartsTest {
    @Test
    void aFieldRebuiltFromItsPartsReadsAsThePreparedOne() {
        MatchProfile profile = ProfileLoader.defaultProfile();
        int fields = profile.fields().size();
        Random random = new Random(3);
        RecordTable.Builder builder = new RecordTable.Builder(fields, 2000);
        builder.addSource("melde");
        builder.addSource("kfz");
        for (int r = 0; r < 2000; r++) {
            String[] values = new String[fields];
            for (int f = 0; f < fields; f++) {
                values[f] = random.nextInt(4) == 0 ? null : "Wert " + random.nextInt(40);
            }
            builder.add(r % 2, "r" + r, values);
        }
        RecordTable table = builder.build();
        PreparedRecords prepared = PreparedRecords.prepare(table, profile, ProgressListener.NONE,
                CancellationToken.NONE);
        int n = table.size();
        int[] rows = new int[n * fields];
        int[] sourceOf = new int[n];
        PreparedField[] rebuilt = new PreparedField[fields];
        for (int r = 0; r < n; r++) {
            sourceOf[r] = table.sourceIndex(r);
        }
        for (int f = 0; f < fields; f++) {
            PreparedField field = prepared.field(f);
            String[] values = new String[field.distinctCount()];
            int[] counts = new int[values.length];
            for (int v = 0; v < values.length; v++) {
                values[v] = field.valueOfId(v);
                counts[v] = field.count(v);
            }
            for (int r = 0; r < n; r++) {
                rows[r * fields + f] = field.id(r);
            }
            rebuilt[f] = PreparedField.of(field.name(), rows, fields, f, n, values, counts, field.presentCount());
        }
        RecordTable sources = RecordTable.ofSources(List.of("melde", "kfz"), sourceOf, fields);
        PreparedRecords executor = PreparedRecords.of(sources, profile, rebuilt);
        for (int f = 0; f < fields; f++) {
            PreparedField a = prepared.field(f);
            PreparedField b = executor.field(f);
            assertThat(b.presentCount()).isEqualTo(a.presentCount());
            assertThat(b.phonetic()).containsExactly(a.phonetic());
            for (int r = 0; r < n; r++) {
                assertThat(b.value(r)).isEqualTo(a.value(r));
                assertThat(b.id(r)).isEqualTo(a.id(r));
                if (a.id(r) >= 0) {
                    assertThat(b.count(b.id(r))).isEqualTo(a.count(a.id(r)));
                }
            }
        }
        for (int r = 0; r < n; r++) {
            assertThat(sources.sourceName(r)).isEqualTo(table.sourceName(r));
            assertThat(sources.recordId(r)).isNull();
            assertThat(sources.value(r, 0)).isNull();
        }
        assertThatThrownBy(() -> PreparedField.of("x", new int[3], 2, 0, 2, new String[1], new int[2], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 'x'");
    }
}
