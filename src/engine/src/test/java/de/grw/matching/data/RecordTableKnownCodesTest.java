package de.grw.matching.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Records added with the codes {@link RecordTable.Builder#codeOf} gave once per distinct value of a segment (as a
 * record snapshot adds them) make exactly the table of adding every value, also across the point where a field of
 * mostly distinct values turns to holding its values per record.
 */
class RecordTableKnownCodesTest {
    @Test
    void codesAskedOncePerSegmentGiveTheTableOfLookingUpEveryValue() {
        int n = RecordTable.Builder.DECIDE_AT + 30_000;
        int segment = 7_000;
        Random random = new Random(5);
        String[][] rows = new String[n][];
        for (int r = 0; r < n; r++) {
            rows[r] = new String[] {"Name" + random.nextInt(300), "id-" + r, random.nextInt(3) == 0 ? null
                    : "Ort" + random.nextInt(40)};
        }
        RecordTable.Builder plain = new RecordTable.Builder(3, n);
        RecordTable.Builder coded = new RecordTable.Builder(3, n);
        int s1 = plain.addSource("a");
        int s2 = coded.addSource("a");
        int[][] cache = null;
        java.util.Map<String, Integer>[] local = null;
        for (int r = 0; r < n; r++) {
            if (r % segment == 0) {
                cache = new int[3][segment];
                for (int[] c : cache) {
                    Arrays.fill(c, -2);
                }
                @SuppressWarnings("unchecked")
                java.util.Map<String, Integer>[] fresh = new java.util.Map[] {new java.util.HashMap<>(),
                    new java.util.HashMap<>(), new java.util.HashMap<>()};
                local = fresh;
            }
            plain.add(s1, "r" + r, rows[r]);
            int[] known = new int[3];
            for (int f = 0; f < 3; f++) {
                String v = rows[r][f];
                if (v == null) {
                    known[f] = -1;
                    continue;
                }
                java.util.Map<String, Integer> m = local[f];
                int code = m.computeIfAbsent(v, x -> m.size());
                if (cache[f][code] == -2) {
                    cache[f][code] = coded.codeOf(f, v);
                }
                known[f] = cache[f][code];
            }
            coded.addShared(s2, "r" + r, rows[r], known);
        }
        RecordTable a = plain.build();
        RecordTable b = coded.build();
        assertThat(b.size()).isEqualTo(n);
        for (int f = 0; f < 3; f++) {
            assertThat(b.dictionary(f)).as("field %d dictionary", f).isEqualTo(a.dictionary(f));
            assertThat(b.codes(f)).as("field %d codes", f).isEqualTo(a.codes(f));
            for (int r = 0; r < n; r++) {
                assertThat(b.value(r, f)).isEqualTo(rows[r][f]);
            }
        }
        // the distinct ids turned into values per record, the names and places stayed encoded
        assertThat(a.dictionary(1)).isNull();
        assertThat(a.dictionary(0)).isNotNull();
    }
}
