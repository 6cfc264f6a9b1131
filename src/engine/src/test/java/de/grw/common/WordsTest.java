package de.grw.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void splitsAsStringSplitAtABlank() {
        for (String text : new String[] {"", " ", "  ", "a", "a b", "a  b", " a", "a ", "a b  ", " a  b c "}) {
            assertThat(Words.splitAtBlanks(text)).as("[%s]", text).containsExactly(text.split(" "));
        }
        Random random = new Random(16);
        String alphabet = "ab  .\t";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(10);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertThat(Words.splitAtBlanks(text)).as("[%s]", text).containsExactly(text.split(" "));
        }
    }
}
