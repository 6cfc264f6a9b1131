package de.grw.matching.data;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.normalising.Normaliser;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a large table keeps a field whose values repeat as codes into a dictionary, a field of mostly distinct
 * values as the values; every value reads back the same, across blocks, after the decision at
 * {@link RecordTable.Builder#DECIDE_AT} records and across {@link RecordTable#concat}; normalising by code gives the
 * same ids as normalising the values one by one.
 */
class RecordTableEncodingTest {
    private static final int N = RecordTable.Builder.DECIDE_AT + RecordTable.Builder.BLOCK + 123;

    private static String repeating(int i) {
        return i % 7 == 0 ? null : "Name" + (i % 101);
    }

    private static String distinct(int i) {
        return i % 11 == 0 ? null : "id-" + i;
    }

    private static RecordTable table(int expected, int from, int count, String source) {
        RecordTable.Builder b = new RecordTable.Builder(2, expected);
        int s = b.addSource(source);
        for (int i = from; i < from + count; i++) {
            b.add(s, "r" + i, new String[] {repeating(i), distinct(i)});
        }
        return b.build();
    }

    @Test
    void repeatingValuesAreEncodedDistinctOnesKeptAndAllReadBack() {
        RecordTable t = table(RecordTable.Builder.SHARE_FROM, 0, N, "a");
        assertThat(t.dictionary(0)).as("a field of 101 names").hasSize(101);
        assertThat(t.codes(0)).hasSize(N);
        assertThat(t.dictionary(1)).as("a field of ids, decided at %d records", RecordTable.Builder.DECIDE_AT)
                .isNull();
        assertThat(t.codes(1)).isNull();
        for (int i = 0; i < N; i++) {
            assertThat(t.value(i, 0)).isEqualTo(repeating(i));
            assertThat(t.value(i, 1)).isEqualTo(distinct(i));
            assertThat(t.recordId(i)).isEqualTo("r" + i);
        }
        // the dictionary is in order of first occurrence
        assertThat(t.dictionary(0)[0]).isEqualTo(repeating(1));
    }

    @Test
    void concatKeepsADictionaryOnlyWhereEveryTableHasOne() {
        RecordTable encoded = table(RecordTable.Builder.SHARE_FROM, 0, 5_000, "a");
        RecordTable plain = table(10, 5_000, 3_000, "b");
        RecordTable encodedToo = table(RecordTable.Builder.SHARE_FROM, 8_000, 4_000, "c");
        assertThat(plain.dictionary(0)).isNull();

        RecordTable mixed = RecordTable.concat(List.of(encoded, plain, encodedToo));
        assertThat(mixed.dictionary(0)).isNull();
        RecordTable both = RecordTable.concat(List.of(encoded, encodedToo));
        assertThat(both.dictionary(0)).hasSize(101).doesNotHaveDuplicates();
        for (int i = 0; i < 12_000; i++) {
            assertThat(mixed.value(i, 0)).isEqualTo(repeating(i));
            assertThat(mixed.value(i, 1)).isEqualTo(distinct(i));
        }
        for (int i = 0; i < 9_000; i++) {
            int source = i < 5_000 ? i : i + 3_000;
            assertThat(both.value(i, 0)).isEqualTo(repeating(source));
            assertThat(both.sourceName(i)).isEqualTo(i < 5_000 ? "a" : "c");
        }
    }

    @Test
    void normalisingByCodeGivesTheIdsOfNormalisingEveryValue() {
        // upper case: several originals share one normalised value
        Normaliser upper = new Normaliser() {
            @Override
            public String name() {
                return "upper";
            }

            @Override
            public String normalise(String value) {
                return value.startsWith("Name10") ? null : value.toUpperCase(Locale.ROOT).replace("NAME1", "NAME");
            }
        };
        RecordTable encoded = table(RecordTable.Builder.SHARE_FROM, 0, N, "a");
        RecordTable plain = table(10, 0, N, "a");
        assertThat(encoded.dictionary(0)).isNotNull();
        assertThat(plain.dictionary(0)).isNull();
        PreparedField byCode = PreparedField.prepare("f", encoded, 0, upper);
        PreparedField byValue = PreparedField.prepare("f", plain, 0, upper);
        assertThat(byCode.distinctCount()).isEqualTo(byValue.distinctCount());
        assertThat(byCode.presentCount()).isEqualTo(byValue.presentCount());
        for (int i = 0; i < N; i++) {
            assertThat(byCode.id(i)).isEqualTo(byValue.id(i));
            assertThat(byCode.value(i)).isEqualTo(byValue.value(i));
        }
        for (int id = 0; id < byCode.distinctCount(); id++) {
            assertThat(byCode.count(id)).isEqualTo(byValue.count(id));
        }
    }
}
