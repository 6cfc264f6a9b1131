package de.grw.importing;

import de.grw.common.UserFacingException;
import de.grw.importing.db.DatabaseSource;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input of an import or a match: a file, or a database table or query. Each becomes one source, named after the
 * file (without extension), the table (without schema), or as the user chose.
 */
public sealed interface SourceInput permits SourceInput.File, SourceInput.Database {

    /** The source name. */
    String name();

    /** For messages: the file's path, or the URL (without password) and table. */
    String describe();

    /** A file, named after itself unless {@code name} is given. */
    static SourceInput file(Path path, String name) {
        return new File(path, name == null ? SourceImporter.sourceName(path) : name, null);
    }

    /**
     * One sheet of a workbook, named {@code NAME#SHEET} after the file (or {@code name}) and the sheet: each sheet read
     * as a source of its own.
     */
    static SourceInput sheet(Path path, String name, String sheet) {
        String base = name == null ? SourceImporter.sourceName(path) : name;
        return new File(path, base + SHEET_SEPARATOR + sheet, sheet);
    }

    /** Separates a workbook's source name from the sheet's in the sources made by {@link #sheet}. */
    String SHEET_SEPARATOR = "#";

    static SourceInput file(Path path) {
        return file(path, null);
    }

    /**
     * A database table or query; a table is named after itself unless {@code name} is given, a query must be named.
     *
     * @throws UserFacingException for a query without a name
     */
    static SourceInput database(DatabaseSource source, String name) {
        String n = name != null && !name.isBlank() ? name.strip() : source.defaultSourceName();
        if (n == null) {
            throw new UserFacingException(de.grw.common.Text.of("import.query_needs_name", source.safeUrl()));
        }
        return new Database(source, n);
    }

    /**
     * A file input.
     *
     * @param sheet the sheet of a workbook to read, or {@code null} for the reader's (or the mapping file's) choice
     */
    record File(Path path, String name, String sheet) implements SourceInput {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
        }

        /** A file whose sheet (if a workbook) is chosen by the mapping file or the reader. */
        public File(Path path, String name) {
            this(path, name, null);
        }

        @Override
        public String describe() {
            return sheet == null ? path.toString() : path + "#" + sheet;
        }
    }

    /** A database input. */
    record Database(DatabaseSource source, String name) implements SourceInput {
        public Database {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String describe() {
            return source.describe();
        }
    }
}
