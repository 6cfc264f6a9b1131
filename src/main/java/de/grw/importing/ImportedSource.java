package de.grw.importing;

import de.grw.importing.read.DetectedFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of importing one source.
 *
 * @param name            source name (file name without extension)
 * @param file            the file read
 * @param format          what was detected about the file
 * @param mapping         the column mapping used
 * @param rowsRead        data rows in the file
 * @param recordsImported records passed on
 * @param rowsRejected    rows not imported (each reported as a problem)
 * @param invalidValues   values set aside (each reported as a problem)
 * @param warnings        notes about the mapping
 */
public record ImportedSource(String name, Path file, DetectedFormat format, ColumnMapping mapping, long rowsRead,
                            long recordsImported, long rowsRejected, long invalidValues, List<String> warnings) {
    public ImportedSource {
        warnings = List.copyOf(warnings);
    }
}
