package de.grw.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to export and where.
 *
 * @param format         CSV or JSON Lines
 * @param excelFriendly  CSV for German Excel: UTF-8 with byte order mark, {@code ;} as separator (CSV only)
 * @param includeBlocked also export golden records with a member under a blocking notice (needs the right to export
 *                       blocked records and a case reference; logged)
 * @param caseRef        case reference (Aktenzeichen) the export is made for; may be empty unless blocked records
 *                       are included
 * @param directory      target directory (created if missing; files of the same names in it are replaced)
 * @param raw            CSV cells exactly as stored, not neutralised against formula injection (for machine
 *                       pipelines that never open the files in a spreadsheet; see {@link de.grw.common.CsvCells})
 */
public record ExportOptions(ExportFormat format, boolean excelFriendly, boolean includeBlocked, String caseRef,
                            Path directory, boolean raw) {
    /** Options for an export whose CSV cells are neutralised against formula injection (the default). */
    public ExportOptions(ExportFormat format, boolean excelFriendly, boolean includeBlocked, String caseRef,
                         Path directory) {
        this(format, excelFriendly, includeBlocked, caseRef, directory, false);
    }

    public ExportOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(directory, "directory");
        caseRef = caseRef == null ? "" : caseRef.strip();
        if (excelFriendly && format != ExportFormat.CSV) {
            throw new IllegalArgumentException("the Excel-friendly form exists for CSV only");
        }
        if (raw && format != ExportFormat.CSV) {
            throw new IllegalArgumentException("raw cells are an option of CSV (JSON Lines are never neutralised)");
        }
    }
}
