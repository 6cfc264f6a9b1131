package de.grw.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstLinesTest {

    @Test
    void anIdSeenBeforeGivesItsFirstLine() {
        FirstLines lines = new FirstLines();

        assertThat(lines.putIfAbsent("A-1", 2)).isEqualTo(-1);
        assertThat(lines.putIfAbsent("A-2", 3)).isEqualTo(-1);
        assertThat(lines.putIfAbsent("A-1", 7)).isEqualTo(2);
        assertThat(lines.putIfAbsent("A-1", 9)).isEqualTo(2);
        assertThat(lines.size()).isEqualTo(2);
    }

    @Test
    void idsWithEqualHashesAreToldApart() {
        FirstLines lines = new FirstLines();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

        assertThat(lines.putIfAbsent("Aa", 5)).isEqualTo(-1);
        assertThat(lines.putIfAbsent("BB", 6)).isEqualTo(-1);
        assertThat(lines.putIfAbsent("BB", 8)).isEqualTo(6);
        assertThat(lines.putIfAbsent("Aa", 8)).isEqualTo(5);
    }

    @Test
    void aMillionIdsKeepTheirLinesAcrossGrowth() {
        FirstLines lines = new FirstLines();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(lines.putIfAbsent(Integer.toString(100_000_000 + i), i + 2L)).isEqualTo(-1);
        }
        for (int i = 0; i < 1_000_000; i += 997) {
            assertThat(lines.putIfAbsent(Integer.toString(100_000_000 + i), 0)).isEqualTo(i + 2L);
        }
        assertThat(lines.size()).isEqualTo(1_000_000);
    }
}
