package de.grw.matching.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The record table's builder: sized for the expected records, growing beyond, sharing values in large tables. */
class RecordTableTest {
    @Test
    void aBuilderForFewRecordsGrowsBeyondThemAndKeepsEveryValue() {
        RecordTable.Builder b = new RecordTable.Builder(3, 1);
        int a = b.addSource("a");
        int z = b.addSource("z");
        String[] row = new String[3];
        for (int i = 0; i < 50; i++) {
            row[0] = "name" + i;
            row[1] = i % 2 == 0 ? null : "x";
            row[2] = Integer.toString(i * 7);
            b.add(i % 3 == 0 ? z : a, "id" + i, row); // the same array each time: the builder copies the values
        }
        RecordTable t = b.build();
        assertThat(t.size()).isEqualTo(50);
        assertThat(t.fieldCount()).isEqualTo(3);
        for (int i = 0; i < 50; i++) {
            assertThat(t.value(i, 0)).isEqualTo("name" + i);
            assertThat(t.value(i, 1)).isEqualTo(i % 2 == 0 ? null : "x");
            assertThat(t.value(i, 2)).isEqualTo(Integer.toString(i * 7));
            assertThat(t.recordId(i)).isEqualTo("id" + i);
            assertThat(t.sourceName(i)).isEqualTo(i % 3 == 0 ? "z" : "a");
        }
        assertThat(t.sourceSizes()).containsExactly(33, 17);
    }

    @Test
    void aLargeTableSharesEqualValuesASmallOneDoesNot() {
        for (int expected : new int[] {4, RecordTable.Builder.SHARE_FROM}) {
            RecordTable.Builder b = new RecordTable.Builder(1, expected);
            int s = b.addSource("a");
            b.add(s, "1", new String[] {new String("Müller")});
            b.add(s, "2", new String[] {new String("Müller")});
            RecordTable t = b.build();
            assertThat(t.value(0, 0)).isEqualTo(t.value(1, 0));
            assertThat(t.value(0, 0) == t.value(1, 0)).as("shared, expecting %d records", expected)
                    .isEqualTo(expected >= RecordTable.Builder.SHARE_FROM);
        }
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        RecordTable.Builder b = new RecordTable.Builder(2, 1);
        assertThatThrownBy(() -> b.add(b.addSource("a"), "1", new String[] {"x"}))
                .hasMessageContaining("expected 2 values, got 1");
    }
}
