package de.grw.linking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The link index keeps golden records as numbers by record index; every name comes back exactly as assigned. */
class GoldenIdsTest {
    @Test
    void workspaceNamesAreKeptAsNumbersAndComeBackExactly() {
        for (String name : new String[] {"G-000001", "G-000042", "G-123456", "G-1234567", "G-10000000"}) {
            assertThat(GoldenIds.numberOf(name)).as(name).isNotNegative();
            assertThat(GoldenIds.nameOf(GoldenIds.numberOf(name))).isEqualTo(name);
        }
        // names the workspace never forms are not numbers (they would not come back as they were)
        for (String name : new String[] {"G-42", "G-0000042", "X-000042", "G-00004a", "G-", "G-99999999999", "g-000042"}) {
            assertThat(GoldenIds.numberOf(name)).as(name).isEqualTo(-1);
        }
    }

    @Test
    void assignsReassignsAndRemovesBuiltAndOtherRecords() {
        GoldenIds golden = new GoldenIds(new long[] {10, 20, 30});
        assertThat(golden.of(10)).isNull();
        golden.assign(10, "G-000007");
        golden.assign(20, "custom-7"); // another form: kept in the map
        golden.assign(99, "G-000008"); // not built (stored since): kept in the map
        assertThat(golden.of(10)).isEqualTo("G-000007");
        assertThat(golden.of(20)).isEqualTo("custom-7");
        assertThat(golden.of(99)).isEqualTo("G-000008");
        assertThat(golden.of(30)).isNull();
        golden.assign(20, "G-000009"); // from the map to a number
        golden.assign(10, "other"); // from a number to the map
        assertThat(golden.of(20)).isEqualTo("G-000009");
        assertThat(golden.of(10)).isEqualTo("other");
        golden.assign(10, null);
        golden.assign(20, null);
        golden.assign(99, null);
        assertThat(golden.of(10)).isNull();
        assertThat(golden.of(20)).isNull();
        assertThat(golden.of(99)).isNull();
    }
}
