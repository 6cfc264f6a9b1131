package de.grw.importing.read;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads tabular files (CSV, JSON array, JSON Lines, Excel) into a {@link RowSink}, detecting format, encoding and
 * delimiter unless {@link ReadOptions} fixes them. Stateless and thread-safe.
 *
 * <p>Every problem reaches the caller either as a rejected row (the read goes on) or as a
 * {@link UserFacingException} that names the file and, where there is one, the line. Cancellation surfaces as
 * {@link de.grw.common.CancelledException}. Progress is reported under the phase key {@value RowEmitter#PHASE}: in
 * bytes for text files (JSON counts its two passes, so the total is twice the size) and in rows for Excel.
 *
 * <p>Text files are scanned once at byte level to decide their encoding before rows are read, so the decision holds
 * for the whole file; CSV is then read in a single streaming pass, JSON in two.
 */
public final class TabularReader {

    /** Detects format, encoding and delimiter without reading rows. */
    public DetectedFormat sniff(Path file) {
        return sniff(file, ReadOptions.DEFAULTS);
    }

    /** Detects what {@code options} leave open, without reading rows. */
    public DetectedFormat sniff(Path file, ReadOptions options) {
        return resolve(file, options == null ? ReadOptions.DEFAULTS : options, CancellationToken.NONE).detected();
    }

    /**
     * Reads the whole file: {@link RowSink#header} once, then every data row as {@link RowSink#row} or
     * {@link RowSink#rejected}, in file order.
     *
     * @return what was detected (or forced) about the file
     * @throws UserFacingException when the file cannot be read as a table at all
     */
    public DetectedFormat read(Path file, ReadOptions options, RowSink sink, CancellationToken cancel,
                               ProgressListener progress) {
        ReadOptions o = options == null ? ReadOptions.DEFAULTS : options;
        CancellationToken c = cancel == null ? CancellationToken.NONE : cancel;
        FormatDetector.Resolved resolved = resolve(file, o, c);
        readResolved(file, resolved, o, new RowEmitter(sink, c, progress == null ? ProgressListener.NONE : progress));
        return resolved.detected();
    }

    /**
     * The header and the first {@code maxRows} data rows (readable and rejected together), for an import preview.
     * Stops reading early; JSON still makes its key-collecting pass over the whole file.
     */
    public TablePreview preview(Path file, ReadOptions options, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
        }
        ReadOptions o = options == null ? ReadOptions.DEFAULTS : options;
        FormatDetector.Resolved resolved = resolve(file, o, CancellationToken.NONE);
        PreviewSink sink = new PreviewSink(maxRows);
        try {
            readResolved(file, resolved, o, new RowEmitter(sink, CancellationToken.NONE, ProgressListener.NONE));
        } catch (PreviewSink.Full enough) {
            // the preview has its rows
        }
        return sink.preview(resolved.detected());
    }

    /** The sheet names of an Excel workbook, in workbook order. */
    public List<String> sheetNames(Path file) {
        return ExcelReader.sheetNames(file);
    }

    /**
     * The sheets of an Excel workbook that hold a table (a header row of column names with rows below it), in
     * workbook order: those read as sources of their own when all sheets are read; the first is read when no sheet
     * is named.
     */
    public List<String> tableSheets(Path file) {
        return ExcelReader.tableSheets(file);
    }

    /**
     * The sheet read from a workbook when none is named: its only sheet, else the first that holds a table;
     * {@code null} when there is none such.
     */
    public String defaultSheet(Path file) {
        List<String> names = sheetNames(file);
        if (names.size() == 1) {
            return names.get(0);
        }
        List<String> tables = tableSheets(file);
        return tables.isEmpty() ? null : tables.get(0);
    }

    /** Whether a file is read as an Excel workbook (by its extension or, failing that, its signature). */
    public boolean isWorkbook(Path file) {
        try {
            return FormatDetector.isWorkbook(file);
        } catch (IOException e) {
            throw Messages.io(file, e);
        }
    }

    private static FormatDetector.Resolved resolve(Path file, ReadOptions options, CancellationToken cancel) {
        try {
            return FormatDetector.resolve(file, options, cancel);
        } catch (IOException e) {
            throw Messages.io(file, e);
        }
    }

    private static void readResolved(Path file, FormatDetector.Resolved r, ReadOptions o, RowEmitter out) {
        if (r.encoding() != null && r.encoding().notice() != null) {
            out.notice(0, -1, r.encoding().notice());
        }
        try {
            switch (r.format()) {
                case CSV -> CsvReader.read(file, r.encoding(), r.delimiter(), o.maxFieldChars(), out);
                case JSON_ARRAY -> JsonArrayReader.read(file, r.encoding(), o.maxFieldChars(), out);
                case JSON_LINES -> JsonLinesReader.read(file, r.encoding(), o.maxFieldChars(), r.guessedJsonLines(),
                        out);
                case EXCEL -> ExcelReader.read(file, o.sheet(), o.maxFieldChars(), out);
                default -> throw new IllegalStateException("unknown format " + r.format());
            }
        } catch (IOException e) {
            throw Messages.io(file, e);
        }
    }
}
