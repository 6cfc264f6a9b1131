package de.grw.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairComparerTest {
    private static final String[] GIVEN = {"Anna", "Anne", "Ana", "Hans-Peter", "Hans Peter", "Peter", "Müller",
        "Jürgen Hermann", "Jurgen", "Karl Heinz", "Karlheinz", "Maria", "Marie", "Mxria", "Schmidt", null};
    private static final String[] FAMILY = {"Müller", "Mueller", "Muller", "Schmidt", "Schmitt", "Meyer-Schmidt",
        "Peter", "Anna", "Maier", "Meier", null};
    private static final String[] BIRTH = {"1970-04-03", "1970-03-04", "1970-04-13", "1970-04", "1970", "1971-04-03",
        "1907-04-03", "1980-12-24", null};
    private static final String[] SEX = {"m", "w", "männlich", null};
    private static final String[] CITY = {"Köln", "Koeln", "Bonn", "Berlin", null};

    @Test
    void remembersLevelsPerValuePairWithoutChangingAnyLevel() {
        MatchProfile profile = ProfileLoader.defaultProfile();
        Random random = new Random(7);
        int n = 12_000; // above the size from which levels are remembered
        RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size(), n);
        int source = builder.addSource("s");
        for (int r = 0; r < n; r++) {
            String[] values = new String[profile.fields().size()];
            values[profile.fieldIndex("given_names")] = pick(GIVEN, random);
            values[profile.fieldIndex("family_name")] = pick(FAMILY, random);
            values[profile.fieldIndex("birth_name")] = random.nextInt(4) == 0 ? pick(FAMILY, random) : null;
            values[profile.fieldIndex("birth_date")] = pick(BIRTH, random);
            values[profile.fieldIndex("sex")] = pick(SEX, random);
            values[profile.fieldIndex("city")] = pick(CITY, random);
            values[profile.fieldIndex("birth_place")] = pick(CITY, random);
            builder.add(source, "r" + r, values);
        }
        PreparedRecords records = PreparedRecords.prepare(builder.build(), profile, ProgressListener.NONE,
                CancellationToken.NONE);
        CompiledComparisons comparisons = CompiledComparisons.compile(profile, records);
        PairComparer comparer = comparisons.comparer();
        int remembered = 0;
        for (int c = 0; c < comparisons.count(); c++) {
            remembered += comparisons.memoField(c) != null ? 1 : 0;
        }
        assertThat(remembered).as("comparisons remembered per value pair").isGreaterThanOrEqualTo(2);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            // asked twice: computed, then remembered
            assertThat(comparer.pattern(a, b)).isEqualTo(comparisons.pattern(a, b));
            assertThat(comparer.pattern(a, b)).isEqualTo(comparisons.pattern(a, b));
            seen.add(comparisons.pattern(a, b));
        }
        assertThat(seen).as("distinct comparison vectors met").hasSizeGreaterThan(100);
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
