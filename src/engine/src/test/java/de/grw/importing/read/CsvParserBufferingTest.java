package de.grw.importing.read;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser reads a run of ordinary characters at once and keeps a record's text in its buffer until asked: it must
 * give exactly what it gives when its input arrives one character at a time (so every run is one character and every
 * record's text crosses buffer refills), for random texts full of delimiters, quotes, line breaks of every kind,
 * blanks, NUL and undecodable marks, over-long fields and unbalanced quotes.
 */
class CsvParserBufferingTest {
    private static final char[] ALPHABET = {'a', 'b', 'ä', '€', 'Z', '1', ' ', '\t', ';', ';', ';', '"', '"', '\n',
            '\n', '\r', '\0', TextInput.UNDECODABLE, 'x', 'y'};

    /** A reader that hands out one character (or up to {@code chunk}) per call. */
    private static final class Trickle extends Reader {
        private final String text;
        private final int chunk;
        private int at;

        Trickle(String text, int chunk) {
            this.text = text;
            this.chunk = chunk;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (at >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), text.length() - at);
            text.getChars(at, at + n, cbuf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    private static List<String> records(Reader in, int maxField) throws IOException {
        CsvParser p = new CsvParser(in, ';', maxField, 3, CsvParser.QUOTE_CHAR_LIMIT);
        List<String> out = new ArrayList<>();
        while (p.next()) {
            out.add(p.startLine() + " problem=" + p.problem() + " long=" + p.tooLongField() + " after="
                    + p.textAfterQuote() + " bad=" + p.badCharacterField() + "/" + (int) p.badCharacter()
                    + " fields=" + String.join("|", p.fields(p.fieldCount())) + " raw=" + p.rawText());
            if (out.size() == 1) {
                p.expectFields(p.fieldCount());
            }
        }
        return out;
    }

    @Test
    void runsAndLazyRecordTextsGiveWhatCharacterByCharacterReadingGives() throws IOException {
        Random random = new Random(16);
        int records = 0;
        for (int t = 0; t < 1_500; t++) {
            StringBuilder text = new StringBuilder("Name;Vorname;Ort\n");
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                // mostly plain text, so that runs of ordinary characters occur
                text.append(random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)]
                        : "Müller;Hans;Köln\n".charAt(random.nextInt(17)));
            }
            String csv = text.toString();
            int maxField = 3 + random.nextInt(12);
            List<String> expected = records(new Trickle(csv, 1), maxField);
            records += expected.size();
            assertThat(records(new StringReader(csv), maxField)).as(csv).isEqualTo(expected);
            assertThat(records(new Trickle(csv, 1 + random.nextInt(7)), maxField)).as(csv).isEqualTo(expected);
        }
        assertThat(records).isGreaterThan(1_500);
    }

    @Test
    void aLongFileGivesTheSameRecordsAsCharacterByCharacterReading() throws IOException {
        StringBuilder text = new StringBuilder("Familienname;Vornamen;Ort;Bemerkung\n");
        for (int i = 0; i < 30_000; i++) {
            text.append(i % 3 == 0 ? "Müller" : "Schmidt").append(';').append(i % 2 == 0 ? "Hans" : "\"Anna\nMaria\"")
                    .append(';').append(i % 1000 == 7 ? "K\u0000ln" : "Köln").append(';')
                    .append(i % 997 == 0 ? "\"offen" : "x".repeat(i % 50)).append(i % 5 == 0 ? "\r\n" : "\n");
        }
        String csv = text.toString();

        List<String> expected = records(new Trickle(csv, 1), 40);
        assertThat(records(new StringReader(csv), 40)).isEqualTo(expected);
        assertThat(expected).anyMatch(r -> r.contains("problem=unbalanced quote"));
        assertThat(expected).anyMatch(r -> r.contains("long=4"));
        assertThat(expected).anyMatch(r -> r.contains("bad=3/0"));
    }
}
