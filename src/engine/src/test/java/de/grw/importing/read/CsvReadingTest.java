package de.grw.importing.read;

import de.grw.common.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static de.grw.importing.read.ReadTestSupport.read;
import static de.grw.importing.read.ReadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReadingTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void detectsEachDelimiter(char d) throws IOException {
        String text = String.join(String.valueOf(d), "rec_id", "given_name", "surname", "city") + "\n"
                + String.join(String.valueOf(d), "1", "Anna", "Müller", "Berlin") + "\n"
                + String.join(String.valueOf(d), "2", "Bernd", "\"Schulz, geb. Meier\"", "\"Köln; Porz|\tX\"") + "\n"
                + String.join(String.valueOf(d), "3", "Cem", "Yilmaz", "Bonn") + "\n";
        Path file = write(dir, "people.csv", text);

        CollectingSink sink = read(file);

        assertThat(new TabularReader().sniff(file).delimiter()).isEqualTo(d);
        assertThat(sink.header).containsExactly("rec_id", "given_name", "surname", "city");
        assertThat(sink.cells()).containsExactly(List.of("1", "Anna", "Müller", "Berlin"),
                List.of("2", "Bernd", "Schulz, geb. Meier", "Köln; Porz|\tX"), List.of("3", "Cem", "Yilmaz", "Bonn"));
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void commaBlankSeparatedFileIsTrimmed() throws IOException {
        Path file = write(dir, "spaced.csv", "rec_id, given_name, surname\n1, Anna , Müller\n2, \"Bernd, Jr.\", Schulz\n");

        CollectingSink sink = read(file);

        assertThat(sink.header).containsExactly("rec_id", "given_name", "surname");
        assertThat(sink.cells()).containsExactly(List.of("1", "Anna", "Müller"), List.of("2", "Bernd, Jr.", "Schulz"));
    }

    @Test
    void quotedFieldsWithDelimitersNewlinesAndEscapedQuotesKeepPhysicalLineNumbers() throws IOException {
        String text = "id;name;note\r\n"
                + "1;\"Meier; Hans\";\"first line\r\nsecond line\"\r\n"
                + "2;\"Kurt \"\"Kuddel\"\" Ko\";\"a\nb\nc\"\r\n"
                + "\r\n"
                + "3;Ute;plain\r\n";
        Path file = write(dir, "quoted.csv", text);

        CollectingSink sink = read(file);

        assertThat(sink.cells()).containsExactly(
                List.of("1", "Meier; Hans", "first line\r\nsecond line"),
                List.of("2", "Kurt \"Kuddel\" Ko", "a\nb\nc"),
                List.of("3", "Ute", "plain"));
        assertThat(sink.lines()).containsExactly(2L, 4L, 8L);
        assertThat(sink.rows).extracting(CollectingSink.Row::rowNumber).containsExactly(1L, 2L, 3L);
    }

    @Test
    void emptyLinesAreSkippedNotRows() throws IOException {
        Path file = write(dir, "gaps.csv", "\n\na,b\n\n1,2\n   \n3,4\n\n");

        CollectingSink sink = read(file);

        assertThat(sink.header).containsExactly("a", "b");
        assertThat(sink.cells()).containsExactly(List.of("1", "2"), List.of("3", "4"));
        assertThat(sink.lines()).containsExactly(5L, 7L);
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path zero = write(dir, "zero.csv", "");
        Path blanks = write(dir, "blanks.csv", "  \n\t\r\n\n");

        assertThatThrownBy(() -> read(zero)).isInstanceOf(UserFacingException.class)
                .hasMessage("zero.csv: the file is empty");
        assertThatThrownBy(() -> read(blanks)).isInstanceOf(UserFacingException.class)
                .hasMessage("blanks.csv: the file is empty");
    }

    @Test
    void headerOnlyGivesHeaderAndNoRows() throws IOException {
        Path file = write(dir, "header.csv", "rec_id;given_name;surname\n");

        CollectingSink sink = read(file);

        assertThat(sink.header).containsExactly("rec_id", "given_name", "surname");
        assertThat(sink.rows).isEmpty();
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void raggedRowsAreRejectedUnlessTheSurplusIsEmpty() throws IOException {
        String text = "a;b;c;d\n"
                + "1;2;3;4\n"
                + "1;2;3\n"          // too few
                + "1;2;3;4;;\n"      // trailing delimiters: fine
                + "1;2;3;4;x\n"      // surplus value
                + "5;6;7;8\n";
        Path file = write(dir, "ragged.csv", text);

        CollectingSink sink = read(file);

        assertThat(sink.cells()).containsExactly(List.of("1", "2", "3", "4"), List.of("1", "2", "3", "4"),
                List.of("5", "6", "7", "8"));
        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line, CollectingSink.Rejected::reason,
                        CollectingSink.Rejected::rawText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "3 fields, but the header has 4", "1;2;3"),
                        org.assertj.core.groups.Tuple.tuple(5L, "5 fields, but the header has 4", "1;2;3;4;x"));
        assertThat(sink.rejected).extracting(CollectingSink.Rejected::rowNumber).containsExactly(2L, 4L);
    }

    @Test
    void headerWithTrailingDelimiterMatchesRowsWithAndWithoutIt() throws IOException {
        Path file = write(dir, "trailing.csv", "a;b;c;\n1;2;3;\n4;5;6\n7;8;9;Notiz\n");

        CollectingSink sink = read(file);

        // the unnamed last column is kept, so that a value in it (Notiz) is neither lost nor a reason to reject
        assertThat(sink.header).containsExactly("a", "b", "c", "column_4");
        assertThat(sink.cells()).containsExactly(List.of("1", "2", "3", ""), List.of("4", "5", "6", ""),
                List.of("7", "8", "9", "Notiz"));
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void blankAndDuplicateHeaderNamesAreMadeUniqueAndReported() throws IOException {
        Path file = write(dir, "names.csv", "name;;name; name ;x\n1;2;3;4;5\n");

        CollectingSink sink = read(file);

        assertThat(sink.header).containsExactly("name", "column_2", "name [3]", "name [4]", "x");
        assertThat(sink.notices).containsExactly(
                "1:2: columns 1 and 3 are both named \"name\": column 3 is kept as \"name [3]\", not joined with "
                        + "column 1 and not mapped; map it in a mapping file if it holds a field",
                "1:3: columns 1 and 4 are both named \"name\": column 4 is kept as \"name [4]\", not joined with "
                        + "column 1 and not mapped; map it in a mapping file if it holds a field");
        assertThat(sink.cells()).containsExactly(List.of("1", "2", "3", "4", "5"));
    }

    @Test
    void textAfterAClosingQuoteRejectsTheRowInsteadOfJoiningIt() throws IOException {
        Path file = write(dir, "q.csv", "Nachname;Vorname\n\"Schmidt\"xyz;Hans\n\"M\u00fcller\"  ;Eva\n");

        CollectingSink sink = read(file);

        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line, CollectingSink.Rejected::reason,
                CollectingSink.Rejected::rawText).containsExactly(org.assertj.core.groups.Tuple.tuple(2L,
                "text after the closing quote of field 1 (\"Nachname\") (as in \"Schmidt\"xyz); quote the whole "
                        + "value or double the quotes inside it", "\"Schmidt\"xyz;Hans"));
        assertThat(sink.cells()).containsExactly(List.of("Müller", "Eva"));
    }

    @Test
    void unbalancedQuoteInTheMiddleRejectsOneRowAndTheRestArrives() throws IOException {
        StringBuilder text = new StringBuilder("id,name,city\n1,Anna,Berlin\n2,\"Bernd,Hamburg\n");
        for (int i = 3; i <= 10; i++) {
            text.append(i).append(",Name").append(i).append(",Ort").append(i).append('\n');
        }
        Path file = write(dir, "broken.csv", text.toString());

        CollectingSink sink = read(file);

        assertThat(sink.rejected).hasSize(1);
        assertThat(sink.rejected.get(0).line()).isEqualTo(3);
        assertThat(sink.rejected.get(0).reason()).isEqualTo("unbalanced quote starting at line 3");
        assertThat(sink.rejected.get(0).rawText()).startsWith("2,\"Bernd,Hamburg");
        assertThat(sink.column("id")).containsExactly("1", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(sink.lines()).containsExactly(2L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(sink.rows.get(1).rowNumber()).isEqualTo(3);
    }

    @Test
    void unbalancedQuoteClosedByALaterQuoteDoesNotSwallowRows() throws IOException {
        String text = "id,name,city\n"
                + "1,\"Anna,Berlin\n"      // never closed on its line
                + "2,Bernd,Hamburg\n"
                + "3,\"Carl\",Köln\n"      // this quote would close it
                + "4,Dora,Dresden\n";
        Path file = write(dir, "swallow.csv", text);

        CollectingSink sink = read(file);

        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line).containsExactly(2L);
        assertThat(sink.rejected.get(0).reason()).isEqualTo("unbalanced quote starting at line 2");
        assertThat(sink.cells()).containsExactly(List.of("2", "Bernd", "Hamburg"), List.of("3", "Carl", "Köln"),
                List.of("4", "Dora", "Dresden"));
        assertThat(sink.lines()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void quoteOpenForMoreThanTheLineLimitIsBrokenAndReadingResumes() throws IOException {
        StringBuilder text = new StringBuilder("id;text\n1;\"never closed\n");
        for (int i = 2; i <= 300; i++) {
            text.append(i).append(";line ").append(i).append('\n');
        }
        text.append("301;\"x\"\"y\"\n");
        Path file = write(dir, "long-open.csv", text.toString());

        CollectingSink sink = read(file);

        assertThat(sink.rejected).extracting(CollectingSink.Rejected::reason)
                .containsExactly("unbalanced quote starting at line 2");
        assertThat(sink.rows).hasSize(300);
        assertThat(sink.rows.get(0).line()).isEqualTo(3);
        assertThat(sink.rows.get(299).cells()).containsExactly("301", "x\"y");
        assertThat(sink.rows.get(299).line()).isEqualTo(302);
    }

    @Test
    void legitimateMultiLineFieldIsKept() throws IOException {
        Path file = write(dir, "multi.csv", "id,note,city\n1,\"line a\nline b\",Berlin\n2,x,Bonn\n");

        CollectingSink sink = read(file);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.cells()).containsExactly(List.of("1", "line a\nline b", "Berlin"), List.of("2", "x", "Bonn"));
        assertThat(sink.lines()).containsExactly(2L, 4L);
    }

    @Test
    void tenMegabyteFieldIsRejectedAndReadingGoesOn() throws IOException {
        String big = "x".repeat(10 * 1024 * 1024);
        Path file = dir.resolve("big.csv");
        Files.writeString(file, "a;b;c\n1;2;" + big + "\n3;4;\"" + big + "\"\n5;6;7\n");

        CollectingSink sink = read(file);

        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line, CollectingSink.Rejected::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "field 3 is longer than 1,000,000 characters"),
                        org.assertj.core.groups.Tuple.tuple(3L, "field 3 is longer than 1,000,000 characters"));
        assertThat(sink.rejected).allSatisfy(r -> assertThat(r.rawText()).hasSizeLessThanOrEqualTo(1000));
        assertThat(sink.cells()).containsExactly(List.of("5", "6", "7"));
        assertThat(sink.lines()).containsExactly(4L);
    }

    @Test
    void fieldLimitComesFromTheOptions() throws IOException {
        Path file = write(dir, "limit.csv", "a,b\n1,abcdef\n2,abc\n");

        CollectingSink sink = read(file, ReadOptions.DEFAULTS.withMaxFieldChars(5));

        assertThat(sink.rejected).extracting(CollectingSink.Rejected::reason)
                .containsExactly("field 2 is longer than 5 characters");
        assertThat(sink.cells()).containsExactly(List.of("2", "abc"));
    }

    @Test
    void forcedDelimiterWins() throws IOException {
        Path file = write(dir, "forced.csv", "a,b;c\n1,2;3\n");

        CollectingSink sink = read(file, ReadOptions.DEFAULTS.withDelimiter(';'));

        assertThat(sink.header).containsExactly("a,b", "c");
    }

    @Test
    void singleColumnFileHasOneColumn() throws IOException {
        Path file = write(dir, "names.txt", "name\nMüller, Hans\nSchulz\n");

        CollectingSink sink = read(file);

        assertThat(sink.header).containsExactly("name");
        assertThat(sink.cells()).containsExactly(List.of("Müller, Hans"), List.of("Schulz"));
    }

    @Test
    void excelSepHintLineNamesTheDelimiterAndIsSkipped() throws IOException {
        Path file = write(dir, "excel.csv", "sep=;\r\nname;ort, kreis\r\nMüller, Hans;Porz, Köln\r\n");

        CollectingSink sink = read(file);

        assertThat(new TabularReader().sniff(file).delimiter()).isEqualTo(';');
        assertThat(sink.header).containsExactly("name", "ort, kreis");
        assertThat(sink.cells()).containsExactly(List.of("Müller, Hans", "Porz, Köln"));
        assertThat(sink.lines()).containsExactly(3L);
    }

    @Test
    void brokenQuoteInHeaderIsFatal() throws IOException {
        Path file = write(dir, "badheader.csv", "a,\"b\nc,d\n");

        assertThatThrownBy(() -> read(file, ReadOptions.DEFAULTS.withDelimiter(','))).isInstanceOf(UserFacingException.class)
                .hasMessage("badheader.csv, line 1: the header row cannot be read: unbalanced quote starting at line 1");
    }

    @Test
    void rawTextOfRejectedRowsIsShortened() throws IOException {
        String longRow = "1;" + "y".repeat(5000);
        Path file = write(dir, "raw.csv", "a;b;c\n" + longRow + "\n");

        CollectingSink sink = read(file);

        assertThat(sink.rejected).hasSize(1);
        assertThat(sink.rejected.get(0).rawText()).hasSize(1000).startsWith("1;yyy");
    }
}
