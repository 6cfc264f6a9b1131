package de.grw.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a table (a header and rows of cells) as CSV or JSON Lines. CSV: RFC 4180 with CRLF line ends,
 * cells neutralised against formula injection unless raw cells are asked for ({@link CsvCells}); Excel-friendly:
 * UTF-8 byte order mark and {@code ;}. JSON Lines: one object per row with the header's names as keys in header
 * order; numbers stay numbers, empty values are {@code null}; nothing is neutralised (JSON is read by programs, not
 * spreadsheets).
 */
final class TableFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TableFile() {
    }

    static void write(OutputStream out, ExportFormat format, boolean excel, boolean raw, List<String> header,
                      List<List<Object>> rows) throws IOException {
        if (format == ExportFormat.CSV) {
            writeCsv(out, excel, !raw, header, rows);
        } else {
            writeJsonLines(out, header, rows);
        }
    }

    private static void writeCsv(OutputStream out, boolean excel, boolean neutralise, List<String> header,
                                 List<List<Object>> rows) throws IOException {
        char separator = excel ? ';' : ',';
        if (excel) {
            out.write(BOM);
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeCsvRow(w, separator, neutralise, header);
        for (List<Object> row : rows) {
            writeCsvRow(w, separator, neutralise, row);
        }
        w.flush();
    }

    private static void writeCsvRow(Writer w, char separator, boolean neutralise, List<?> cells)
            throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(separator);
            }
            Object cell = cells.get(i);
            w.write(CsvCells.cell(cell == null ? null : cell.toString(), separator, neutralise));
        }
        w.write("\r\n");
    }

    private static void writeJsonLines(OutputStream out, List<String> header, List<List<Object>> rows)
            throws IOException {
        for (List<Object> row : rows) {
            java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                object.put(header.get(i), row.get(i));
            }
            JSON.writeValue(out, object);
            out.write('\n');
        }
    }
}
