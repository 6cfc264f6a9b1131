package de.grw.matching.data;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Normalised values kept from an earlier run give exactly the prepared fields of a run that normalises every record:
 * the same value ids record by record (numbered in order of first occurrence), the same distinct values and the same
 * counts (the term frequencies), with records after the kept ones that share their values, bring new ones or have
 * none. Kept values a normaliser would no longer give are found out by the sample and not used.
 */
class KeptValuesTest {
    private static final String[] NAMES = {"Anna", "ANNA", "Müller", "Mueller", " Karl  Heinz ", "Straße 1",
        "STRASSE 1", "", "  ", null};

    private static RecordTable table(MatchProfile profile, int n, long seed) {
        int fields = profile.fields().size();
        Random random = new Random(seed);
        RecordTable.Builder builder = new RecordTable.Builder(fields, n);
        int source = builder.addSource("s");
        for (int r = 0; r < n; r++) {
            String[] values = new String[fields];
            for (int f = 0; f < fields; f++) {
                // the later records bring values the earlier ones do not have (a higher suffix)
                int spread = r < n / 2 ? 5 : 9;
                values[f] = random.nextInt(4) == 0 ? null : NAMES[random.nextInt(NAMES.length)]
                        + random.nextInt(spread);
            }
            values[profile.fieldIndex("birth_date")] = random.nextBoolean() ? null : "1970-0" + (1 + random.nextInt(9))
                    + "-1" + random.nextInt(10);
            builder.add(source, "r" + r, values);
        }
        return builder.build();
    }

    /**
     * The kept values of the first {@code k} records in segments of {@code segment} records, as a record snapshot
     * keeps them: per segment and field the distinct original values in order of first occurrence, the normalised
     * value of each (from {@code fresh}, changed by {@code change} for field {@code changed}).
     */
    private static KeptValues kept(RecordTable table, PreparedRecords fresh, int k, int segment, int changed,
                                   UnaryOperator<String> change) {
        int fields = table.fieldCount();
        KeptValues.Builder builder = new KeptValues.Builder(fields, k);
        for (int start = 0; start < k; start += segment) {
            int end = Math.min(k, start + segment);
            String[][] distinct = new String[fields][];
            int[][] normalisedOf = new int[fields][];
            int[][] codes = new int[fields][end - start];
            for (int f = 0; f < fields; f++) {
                Map<String, Integer> dictionary = new HashMap<>();
                List<String> originals = new ArrayList<>();
                Map<String, Integer> byNormalised = new HashMap<>();
                List<String> normalised = new ArrayList<>();
                List<Integer> of = new ArrayList<>();
                for (int r = start; r < end; r++) {
                    String v = table.value(r, f);
                    if (v == null) {
                        codes[f][r - start] = -1;
                        continue;
                    }
                    Integer code = dictionary.get(v);
                    if (code == null) {
                        code = originals.size();
                        dictionary.put(v, code);
                        originals.add(v);
                        String norm = fresh.field(f).value(r);
                        if (norm != null && f == changed) {
                            norm = change.apply(norm);
                        }
                        if (norm == null) {
                            of.add(-1);
                        } else {
                            of.add(byNormalised.computeIfAbsent(norm, x -> {
                                normalised.add(x);
                                return normalised.size() - 1;
                            }));
                        }
                    }
                    codes[f][r - start] = code;
                }
                distinct[f] = normalised.toArray(new String[0]);
                normalisedOf[f] = of.stream().mapToInt(Integer::intValue).toArray();
            }
            builder.addSegment(distinct, normalisedOf, codes, end - start);
        }
        return builder.build();
    }

    private static void assertSame(PreparedRecords actual, PreparedRecords expected) {
        for (int f = 0; f < expected.profile().fields().size(); f++) {
            PreparedField a = actual.field(f);
            PreparedField e = expected.field(f);
            assertThat(a.distinctCount()).as("field %d distinct values", f).isEqualTo(e.distinctCount());
            assertThat(a.presentCount()).as("field %d present", f).isEqualTo(e.presentCount());
            for (int r = 0; r < e.recordCount(); r++) {
                assertThat(a.id(r)).as("field %d record %d", f, r).isEqualTo(e.id(r));
            }
            for (int id = 0; id < e.distinctCount(); id++) {
                assertThat(a.valueOfId(id)).as("field %d value %d", f, id).isEqualTo(e.valueOfId(id));
                assertThat(a.count(id)).as("field %d count of value %d", f, id).isEqualTo(e.count(id));
            }
        }
    }

    @Test
    void keptValuesGiveTheFieldsOfAFreshPreparation() {
        MatchProfile profile = ProfileLoader.defaultProfile();
        RecordTable table = table(profile, 4000, 11);
        PreparedRecords fresh = PreparedRecords.prepare(table, profile, ProgressListener.NONE,
                CancellationToken.NONE);
        for (int k : new int[] {1, 999, 3000, 4000}) {
            KeptValues kept = kept(table, fresh, k, 700, -1, UnaryOperator.identity());
            assertThat(kept.count()).isEqualTo(k);
            PreparedRecords withKept = PreparedRecords.prepare(table, profile, kept, ProgressListener.NONE,
                    CancellationToken.NONE);
            assertSame(withKept, fresh);
        }
    }

    @Test
    void keptValuesANormaliserNoLongerGivesAreNotUsed() {
        MatchProfile profile = ProfileLoader.defaultProfile();
        RecordTable table = table(profile, 3000, 12);
        PreparedRecords fresh = PreparedRecords.prepare(table, profile, ProgressListener.NONE,
                CancellationToken.NONE);
        int family = profile.fieldIndex("family_name");
        // kept by a build whose family-name normaliser kept upper case: other ids, other values, other counts
        KeptValues stale = kept(table, fresh, 2000, 500, family, v -> v.toUpperCase(java.util.Locale.ROOT));
        long differing = java.util.stream.IntStream.range(0, 2000).filter(r -> !java.util.Objects.equals(
                stale.value(r, family), fresh.field(family).value(r))).count();
        assertThat(differing).as("records whose kept family name is stale").isGreaterThan(500);
        PreparedRecords withStale = PreparedRecords.prepare(table, profile, stale, ProgressListener.NONE,
                CancellationToken.NONE);
        assertSame(withStale, fresh);
    }
}
