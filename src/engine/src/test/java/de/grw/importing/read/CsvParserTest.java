package de.grw.importing.read;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvParserTest {

    /** One line per record: "line: fields" or "line: !problem" or "line: field N too long". */
    private static List<String> records(CsvParser p) throws IOException {
        List<String> out = new ArrayList<>();
        while (p.next()) {
            String what = p.problem() != null ? "!" + p.problem()
                    : p.tooLongField() > 0 ? "field " + p.tooLongField() + " too long"
                    : p.textAfterQuote() > 0 ? "text after quote in field " + p.textAfterQuote()
                    : String.join("|", p.fields(p.fieldCount()));
            out.add(p.startLine() + ": " + what);
            if (out.size() == 1) {
                p.expectFields(p.fieldCount());
            }
        }
        return out;
    }

    @Test
    void quoteSwallowingMoreThanTheCharLimitIsBrokenEvenIfItLaterClosesPlausibly() throws IOException {
        String text = "a,b,c\n1,\"open\n" + "y".repeat(200_000) + "\n3,x\",w\n4,u,v\n";
        CsvParser p = new CsvParser(new StringReader(text), ',', 1000, 100, 100);

        assertThat(records(p)).containsExactly(
                "1: a|b|c",
                "2: !unbalanced quote starting at line 2",
                "3: field 1 too long",
                "4: 3|x\"|w",
                "5: 4|u|v");
    }

    @Test
    void withoutTheLimitsTheSameTextIsOneRow() throws IOException {
        String text = "a,b,c\n1,\"open\nmiddle\n3,x\",w\n4,u,v\n";
        CsvParser p = new CsvParser(new StringReader(text), ',', 1000);

        assertThat(records(p)).containsExactly("1: a|b|c", "2: 1|open\nmiddle\n3,x|w", "5: 4|u|v");
    }

    @Test
    void carriageReturnOnlyLineEnds() throws IOException {
        CsvParser p = new CsvParser(new StringReader("a;b\r1;\"x\ry\"\r\r3;4"), ';', 1000);

        assertThat(records(p)).containsExactly("1: a|b", "2: 1|x\ry", "5: 3|4");
    }

    @Test
    void textAfterAClosingQuoteOnTheSameLineIsReported() throws IOException {
        CsvParser p = new CsvParser(new StringReader("a,b\n\"5\"\" Display\" ,  \"x\"y \n7\" tall,z\n\"a\" ,\"b\"\n"),
                ',', 1000);

        assertThat(records(p)).containsExactly("1: a|b", "2: text after quote in field 2", "3: 7\" tall|z", "4: a|b");
    }
}
