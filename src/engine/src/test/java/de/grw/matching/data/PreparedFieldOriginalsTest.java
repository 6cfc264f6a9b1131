package de.grw.matching.data;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A field held as values per record (not dictionary-encoded) gets the same ids, values and counts whether its
 * originals are remembered throughout (values that repeat) or only for a first sample (mostly distinct values, such
 * as tax ids): ids in order of the first occurrence of each normalised value, as a plain map computes them.
 */
class PreparedFieldOriginalsTest {
    /** A table too small to share values: every field holds its values per record. */
    private static RecordTable perRecord(List<String> values) {
        RecordTable.Builder b = new RecordTable.Builder(1, 16);
        int s = b.addSource("s");
        for (int r = 0; r < values.size(); r++) {
            b.add(s, "r" + r, new String[] {values.get(r)});
        }
        RecordTable table = b.build();
        assertThat(table.codes(0)).isNull();
        return table;
    }

    /** Identifiers with the spellings registers use ("12 345", "ab-12"), some missing, some repeated. */
    private static String identifier(Random random, int distinct) {
        int k = random.nextInt(distinct);
        String digits = String.format("%08d", k);
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> digits.substring(0, 3) + " " + digits.substring(3);
            case 2 -> "ab-" + digits;
            case 3 -> "AB" + digits;
            default -> digits;
        };
    }

    private static void assertAsAPlainMap(List<String> originals) {
        Normaliser normaliser = Normalisers.get("identifier");
        PreparedField field = PreparedField.prepare("tax_id", perRecord(originals), 0, normaliser);
        Map<String, Integer> idOf = new HashMap<>();
        List<Integer> counts = new ArrayList<>();
        for (int r = 0; r < originals.size(); r++) {
            String v = originals.get(r) == null ? null : normaliser.normalise(originals.get(r));
            if (v == null) {
                assertThat(field.id(r)).isEqualTo(-1);
                continue;
            }
            int id = idOf.computeIfAbsent(v, x -> idOf.size());
            if (id == counts.size()) {
                counts.add(0);
            }
            counts.set(id, counts.get(id) + 1);
            assertThat(field.id(r)).as("record %d", r).isEqualTo(id);
            assertThat(field.value(r)).isEqualTo(v);
        }
        assertThat(field.distinctCount()).isEqualTo(idOf.size());
        for (int id = 0; id < counts.size(); id++) {
            assertThat(field.count(id)).isEqualTo(counts.get(id));
        }
    }

    @Test
    void mostlyDistinctValuesAsAPlainMapNumbersThem() {
        Random random = new Random(3);
        List<String> originals = new ArrayList<>();
        for (int r = 0; r < 4 * PreparedField.ORIGINALS_SAMPLE; r++) {
            // distinct at first, then about half of them again in other spellings
            originals.add(r < 2 * PreparedField.ORIGINALS_SAMPLE ? identifier(random, 1 << 30)
                    : identifier(random, 3 * PreparedField.ORIGINALS_SAMPLE));
        }
        assertAsAPlainMap(originals);
    }

    @Test
    void repeatedValuesAsAPlainMapNumbersThem() {
        Random random = new Random(4);
        List<String> originals = new ArrayList<>();
        for (int r = 0; r < 4 * PreparedField.ORIGINALS_SAMPLE; r++) {
            originals.add(identifier(random, 5_000));
        }
        assertAsAPlainMap(originals);
    }
}
