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
    void valuesThatRepeatOnlyBeyondTheFirstThousandsStayEncoded() {
        // birth dates: some 36,500 days, nearly all distinct among the first 20,000 records, repeated among a million
        int n = RecordTable.Builder.DECIDE_AT + 1_000;
        RecordTable.Builder b = new RecordTable.Builder(2, RecordTable.Builder.SHARE_FROM);
        int s = b.addSource("a");
        for (int i = 0; i < n; i++) {
            b.add(s, "r" + i, new String[] {"1900-01-01+" + (i * 7919 % 36_500), "id-" + i});
        }
        RecordTable t = b.build();
        assertThat(t.dictionary(0)).as("dates").hasSize(36_500);
        assertThat(t.dictionary(1)).as("ids").isNull();
        for (int i = 0; i < n; i++) {
            assertThat(t.value(i, 0)).isEqualTo("1900-01-01+" + (i * 7919 % 36_500));
        }
    }

    @Test
    void aFieldWithoutValuesKeepsNoCodesAndStaysEmptyAcrossConcat() {
        RecordTable.Builder b = new RecordTable.Builder(2, RecordTable.Builder.SHARE_FROM);
        int s = b.addSource("a");
        for (int i = 0; i < 3_000; i++) {
            b.add(s, "r" + i, new String[] {repeating(i), null});
        }
        RecordTable empty = b.build();
        assertThat(empty.dictionary(1)).isEmpty();
        assertThat(empty.codes(1)).as("no codes for a field no record has").isNull();
        RecordTable encoded = table(RecordTable.Builder.SHARE_FROM, 0, 2_000, "b");
        assertThat(RecordTable.concat(List.of(empty, empty)).codes(1)).isNull();
        RecordTable both = RecordTable.concat(List.of(empty, encoded));
        assertThat(both.dictionary(1)).isNotEmpty();
        for (int i = 0; i < 5_000; i++) {
            assertThat(both.value(i, 1)).isEqualTo(i < 3_000 ? null : distinct(i - 3_000));
            assertThat(both.value(i, 0)).isEqualTo(repeating(i < 3_000 ? i : i - 3_000));
        }
        PreparedField prepared = PreparedField.prepare("f", empty, 1, new Normaliser() {
            @Override
            public String name() {
                return "as is";
            }

            @Override
            public String normalise(String value) {
                return value;
            }
        });
        assertThat(prepared.presentCount()).isZero();
        assertThat(prepared.distinctCount()).isZero();
        for (int i = 0; i < 3_000; i++) {
            assertThat(prepared.id(i)).isEqualTo(-1);
        }
    }

    @Test
    void aValueNormalisedToItselfIsNotHeldTwice() {
        Normaliser copying = new Normaliser() {
            @Override
            public String name() {
                return "copying";
            }

            @Override
            public String normalise(String value) {
                // equal, not the same: as the identifier normaliser returns a tax id
                return value.endsWith("7") ? value + "!" : new String(value.toCharArray());
            }
        };
        for (int expected : new int[] {10, RecordTable.Builder.SHARE_FROM}) {
            RecordTable t = table(expected, 0, 3_000, "a");
            for (int f = 0; f < 2; f++) {
                PreparedField p = PreparedField.prepare("f", t, f, copying);
                java.util.Map<String, String> first = new java.util.HashMap<>();
                for (int i = 0; i < 3_000; i++) {
                    String original = t.value(i, f);
                    if (original != null) {
                        // the field holds the first record's instance of an equal value
                        original = first.computeIfAbsent(original, v -> v);
                    }
                    if (original == null) {
                        assertThat(p.id(i)).isEqualTo(-1);
                    } else if (original.endsWith("7")) {
                        assertThat(p.value(i)).isEqualTo(original + "!");
                    } else {
                        assertThat(p.value(i)).as("field %d record %d", f, i).isSameAs(original);
                    }
                }
            }
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
