package de.grw.importing;

import de.grw.importing.read.DetectedFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of importing one source.
 *
 * @param name            source name (file name without extension; for a database the table or the name given)
 * @param file            the file read, or {@code null} for a database source
 * @param format          what was detected about the file, or which database table or query was read
 * @param mapping         the column mapping used
 * @param rowsRead        data rows in the file
 * @param recordsImported records passed on
 * @param rowsRejected    rows not imported (each reported as a problem)
 * @param invalidValues   values set aside (each reported as a problem)
 * @param warnings        notes about the mapping, and what the reader did to the file without rejecting a row (a
 *                        sheet chosen, merged cells filled, a repeated column name renamed, nested JSON flattened;
 *                        each also reported as a {@link ImportProblem.Kind#NOTICE} problem), in English
 * @param contentSha256   for a database source: SHA-256 of the rows read and of what was read
 *                        ({@link de.grw.importing.db.RowDigest}); {@code null} for a file, whose bytes are hashed
 */
public record ImportedSource(String name, Path file, DetectedFormat format, ColumnMapping mapping, long rowsRead,
                             long recordsImported, long rowsRejected, long invalidValues, List<String> warnings,
                             String contentSha256) {
    public ImportedSource {
        warnings = List.copyOf(warnings);
    }

    /** The outcome of importing a file. */
    public ImportedSource(String name, Path file, DetectedFormat format, ColumnMapping mapping, long rowsRead,
                          long recordsImported, long rowsRejected, long invalidValues, List<String> warnings) {
        this(name, file, format, mapping, rowsRead, recordsImported, rowsRejected, invalidValues, warnings, null);
    }
}
