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
        return new File(path, name == null ? SourceImporter.sourceName(path) : name);
    }

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

    /** A file input. */
    record File(Path path, String name) implements SourceInput {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String describe() {
            return path.toString();
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
