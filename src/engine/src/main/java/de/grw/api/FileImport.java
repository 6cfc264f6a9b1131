package de.grw.api;

import de.grw.importing.MappingFile;

/**
 * How to import a file as a new source.
 *
 * @param source      the source name; {@code null} for the file name without extension
 * @param sheet       the sheet of a workbook to read, or {@code null} for the mapping file's or the reader's choice
 * @param mapping     overrides of the automatic column mapping ({@link MappingFile#NONE} for none)
 * @param mappingName the mapping file's name as the user gave it, for messages, or {@code null}
 */
public record FileImport(String source, String sheet, MappingFile mapping, String mappingName) {
    public FileImport {
        mapping = mapping == null ? MappingFile.NONE : mapping;
    }

    /** A file under a source name, with the automatic mapping. */
    public static FileImport named(String source) {
        return new FileImport(source, null, MappingFile.NONE, null);
    }
}
