package de.grw.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The character highlighting marks what differs from the golden value, ignoring case. */
class TextDiffTest {
    private static String marked(List<TextDiff.Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (TextDiff.Segment s : segments) {
            sb.append(s.same() ? s.text() : "[" + s.text() + "]");
        }
        return sb.toString();
    }

    @Test
    void marksInsertedAndChangedCharacters() {
        assertThat(marked(TextDiff.segments("Müller", "Mueller"))).isEqualTo("M[ue]ller");
        assertThat(marked(TextDiff.segments("Meier", "Meyer"))).isEqualTo("Me[y]er");
        assertThat(marked(TextDiff.segments("1971-04-03", "1971-03-04"))).isEqualTo("1971-0[3]-0[4]");
    }

    @Test
    void caseDoesNotCountAndMissingValuesAreWhollyDifferent() {
        assertThat(marked(TextDiff.segments("Schmidt", "SCHMIDT"))).isEqualTo("SCHMIDT");
        assertThat(marked(TextDiff.segments("Anna Schmidt", "ANNA Schmitt"))).isEqualTo("ANNA Schmi[t]t");
        assertThat(marked(TextDiff.segments(null, "Anna"))).isEqualTo("[Anna]");
        assertThat(TextDiff.segments("Anna", null)).isEmpty();
        assertThat(marked(TextDiff.segments("x".repeat(2000), "y".repeat(1500)))).isEqualTo("[" + "y".repeat(1500)
                + "]");
    }
}
