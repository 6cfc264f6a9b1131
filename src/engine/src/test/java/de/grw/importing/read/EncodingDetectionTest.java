package de.grw.importing.read;

import de.grw.common.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static de.grw.importing.read.ReadTestSupport.latin1;
import static de.grw.importing.read.ReadTestSupport.read;
import static de.grw.importing.read.ReadTestSupport.write;
import static de.grw.importing.read.ReadTestSupport.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncodingDetectionTest {
    private static final String PEOPLE = "id;name;ort\n1;Jürgen Größe;Köln\n2;Ännchen Weiß;Düsseldorf\n";

    @TempDir
    Path dir;

    @Test
    void utf8WithoutBom() throws IOException {
        Path file = write(dir, "utf8.csv", PEOPLE);

        CollectingSink sink = read(file);
        DetectedFormat format = new TabularReader().sniff(file);

        assertThat(format.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(format.byteOrderMark()).isFalse();
        assertThat(format.encodingReason()).isEqualTo("valid UTF-8");
        assertThat(sink.column("name")).containsExactly("Jürgen Größe", "Ännchen Weiß");
    }

    @Test
    void utf8WithBomStripsTheBomFromTheFirstHeaderName() throws IOException {
        byte[] body = PEOPLE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Path file = writeBytes(dir, "bom.csv", bytes);

        CollectingSink sink = read(file);
        DetectedFormat format = new TabularReader().sniff(file);

        assertThat(sink.header).containsExactly("id", "name", "ort");
        assertThat(sink.column("ort")).containsExactly("Köln", "Düsseldorf");
        assertThat(format.byteOrderMark()).isTrue();
        assertThat(format.describe()).isEqualTo("CSV, UTF-8 with BOM, delimiter ';'");
    }

    @Test
    void isoLatin1Umlauts() throws IOException {
        Path file = writeBytes(dir, "latin1.csv", latin1(PEOPLE));

        CollectingSink sink = read(file);
        DetectedFormat format = new TabularReader().sniff(file);

        assertThat(format.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(format.encodingReason()).contains("not valid UTF-8 (line 2)").contains("ISO-8859-1");
        assertThat(sink.column("name")).containsExactly("Jürgen Größe", "Ännchen Weiß");
    }

    @Test
    void windows1252WithEuroSignAndEnDash() throws IOException {
        // 0x80 = euro sign, 0x96 = en dash in Windows-1252 (control characters in ISO-8859-1)
        String text = "id;name;betrag\n1;Müller \u0096 Lüdenscheid;12 \u0080\n2;Straße;3 \u0080\n";
        Path file = writeBytes(dir, "cp1252.csv", latin1(text));

        CollectingSink sink = read(file);
        DetectedFormat format = new TabularReader().sniff(file);

        assertThat(format.encoding().name()).isEqualTo("windows-1252");
        assertThat(format.encodingReason()).contains("bytes 0x80-0x9F present");
        assertThat(sink.column("name")).containsExactly("Müller – Lüdenscheid", "Straße");
        assertThat(sink.column("betrag")).containsExactly("12 €", "3 €");
    }

    @Test
    void windows1252LateInALargeFileIsStillDetected() throws IOException {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",Name").append(i).append('\n');
        }
        text.append("20000,Jörg\n");
        Path file = writeBytes(dir, "late.csv", latin1(text.toString()));

        CollectingSink sink = read(file);

        assertThat(sink.rows).hasSize(20_001);
        assertThat(sink.rows.get(20_000).cells()).containsExactly("20000", "Jörg");
    }

    @Test
    void unknownEncodingNamesTheFirstOffendingLine() throws IOException {
        // 0x81 is undefined in Windows-1252 and, alone, invalid UTF-8
        String text = "id;name\n1;Anna\n2;Bernd\n3;X\u0081Y\n";
        Path file = writeBytes(dir, "weird.csv", latin1(text));

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("weird.csv, line 4: unknown character encoding")
                .hasMessageContaining("byte 0x81")
                .hasMessageContaining("Save the file as UTF-8 or choose its encoding explicitly");
    }

    @Test
    void bomThatLiesAboutUtf8RejectsTheRowsThatAreNotUtf8() throws IOException {
        byte[] bytes = latin1("\u00ef\u00bb\u00bfa;b\n1;\u00e4\n2;\u00c3\u00a4\n");
        Path file = writeBytes(dir, "liar.csv", bytes);

        CollectingSink sink = read(file);
        assertThat(sink.notices).containsExactly("0:-1: the file starts with a UTF-8 byte-order mark, but line 2 "
                + "holds byte 0xE4, which is not UTF-8: the file is read as UTF-8 and the rows with bytes that are not "
                + "UTF-8 are rejected");
        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line, CollectingSink.Rejected::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L,
                        "field 2 (\"b\") holds bytes that are not valid in the file's encoding"));
        assertThat(sink.cells()).containsExactly(List.of("2", "ä"));
    }

    @Test
    void forcedEncodingIsUsedEvenWhenDetectionWouldDiffer() throws IOException {
        Path file = writeBytes(dir, "forced.csv", latin1("a;b\n1;\u00e4\n"));

        CollectingSink sink = read(file, ReadOptions.DEFAULTS.withEncoding(EncodingDetector.WINDOWS_1252));

        assertThat(sink.cells()).containsExactly(List.of("1", "ä"));
    }

    @Test
    void forcedUtf8OnLatin1BytesNamesTheLine() throws IOException {
        Path file = writeBytes(dir, "wrong.csv", latin1("a;b\n1;x\n2;\u00e4\n"));

        assertThatThrownBy(() -> read(file, ReadOptions.DEFAULTS.withEncoding(StandardCharsets.UTF_8)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("wrong.csv, line 3: the text cannot be decoded as UTF-8");
    }

    @Test
    void utf16WithBom() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.write(PEOPLE.getBytes(StandardCharsets.UTF_16LE));
        Path file = writeBytes(dir, "utf16.csv", out.toByteArray());

        CollectingSink sink = read(file);

        assertThat(new TabularReader().sniff(file).encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(sink.header).containsExactly("id", "name", "ort");
        assertThat(sink.column("name")).containsExactly("Jürgen Größe", "Ännchen Weiß");
    }

    @Test
    void aStrayNulByteRejectsItsRow() throws IOException {
        byte[] bytes = latin1("id;name\n1;Anna\n2;B\u0000rnd\n3;Eva\n");
        Path file = writeBytes(dir, "nul.csv", bytes);

        CollectingSink sink = read(file);
        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line, CollectingSink.Rejected::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L,
                        "field 2 (\"name\") contains a NUL character (byte 0x00)"));
        assertThat(sink.cells()).containsExactly(List.of("1", "Anna"), List.of("3", "Eva"));
    }

    @Test
    void manyNulBytesMeanBinaryNamedWithTheirLine() throws IOException {
        byte[] bytes = latin1("id;name\n1;Anna\n" + "\u0000\u0000\u0000x".repeat(50));
        Path file = writeBytes(dir, "nul.csv", bytes);

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("nul.csv: not a text file (binary content at byte 15, line 3).");
    }

    @Test
    void utf16WithoutByteOrderMarkIsRecognisedAndReported() throws IOException {
        for (var cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path file = writeBytes(dir, "u16.csv", "id;name\n1;Jürgen\n2;Weiß\n".getBytes(cs));
            CollectingSink sink = read(file);
            assertThat(sink.cells()).containsExactly(List.of("1", "Jürgen"), List.of("2", "Weiß"));
            assertThat(sink.notices).containsExactly("0:-1: the file has no byte-order mark, but its bytes are text "
                    + "in " + cs.name() + " (every second byte is zero): read as " + cs.name());
        }
    }

    @Test
    void manyControlCharactersMeanBinary() throws IOException {
        byte[] bytes = new byte[400];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 3 == 0 ? 0x07 : 'a');
        }
        Path file = writeBytes(dir, "ctrl.csv", bytes);

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("ctrl.csv: not a text file (binary content at byte 0, line 1)");
    }

    @Test
    void zipOrPdfNamedCsvIsRefused() throws IOException {
        Path zip = writeBytes(dir, "export.csv", latin1("PK\u0003\u0004rest of a zip"));
        Path pdf = writeBytes(dir, "report.csv", latin1("%PDF-1.7\nxyz"));

        assertThatThrownBy(() -> read(zip)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("export.csv: not a text file (binary content at byte 0, line 1)")
                .hasMessageContaining("ZIP archive");
        assertThatThrownBy(() -> read(pdf)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("report.csv: not a text file (binary content at byte 0, line 1)")
                .hasMessageContaining("PDF");
    }

    @Test
    void missingFileGivesAMessageNotAnIoException() {
        Path file = dir.resolve("nowhere.csv");

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessage("nowhere.csv: the file cannot be read (the file does not exist)");
    }
}
