package de.grw.matching.data;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.normalising.Normalisers;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreparedRecordsRowsTest {
    private static final String[] NAMES = {"Anna", "ANNA", "Müller", "Mueller", " Karl  Heinz ", "", null};
    /** Records: several blocks of rows copied by different tasks, the last one partial. */
    private static final int RECORDS = 3 * 4096 + 123;

    /**
     * The fields' ids live in one array record by record (copied block by block on several threads); each field reads
     * exactly what it would hold alone.
     */
    @Test
    void everyFieldReadsItsOwnIdsFromTheSharedRows() {
        MatchProfile profile = ProfileLoader.defaultProfile();
        int fields = profile.fields().size();
        Random random = new Random(11);
        RecordTable.Builder builder = new RecordTable.Builder(fields, RECORDS);
        int source = builder.addSource("s");
        for (int r = 0; r < RECORDS; r++) {
            String[] values = new String[fields];
            for (int f = 0; f < fields; f++) {
                values[f] = random.nextInt(3) == 0 ? null : NAMES[random.nextInt(NAMES.length)] + random.nextInt(5);
            }
            values[profile.fieldIndex("birth_date")] = random.nextBoolean() ? null : "1970-0" + (1 + random.nextInt(9))
                    + "-1" + random.nextInt(10);
            builder.add(source, "r" + r, values);
        }
        RecordTable table = builder.build();
        PreparedRecords records = PreparedRecords.prepare(table, profile, ProgressListener.NONE,
                CancellationToken.NONE);
        for (int f = 0; f < fields; f++) {
            PreparedField shared = records.field(f);
            PreparedField alone = PreparedField.prepare(profile.fields().get(f).name(), table, f,
                    Normalisers.get(profile.fields().get(f).normaliser()));
            assertThat(shared.recordCount()).isEqualTo(table.size());
            assertThat(shared.distinctCount()).isEqualTo(alone.distinctCount());
            assertThat(shared.presentCount()).isEqualTo(alone.presentCount());
            for (int r = 0; r < table.size(); r++) {
                assertThat(shared.id(r)).as("field %d record %d", f, r).isEqualTo(alone.id(r));
                assertThat(shared.value(r)).isEqualTo(alone.value(r));
            }
            for (int id = 0; id < shared.distinctCount(); id++) {
                assertThat(shared.count(id)).isEqualTo(alone.count(id));
            }
        }
    }
}
