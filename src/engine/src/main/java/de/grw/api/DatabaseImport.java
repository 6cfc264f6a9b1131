package de.grw.api;

import de.grw.importing.MappingFile;
import de.grw.importing.db.DatabaseSource;
import java.util.Objects;

/**
 * How to import a database table or query as a new source.
 *
 * @param database    where to read: JDBC URL, user, password, table or query
 * @param source      the source name; {@code null} for the table's name (a query must be named)
 * @param mapping     overrides of the automatic column mapping ({@link MappingFile#NONE} for none)
 * @param mappingName the mapping file's name as the user gave it, for messages, or {@code null}
 */
public record DatabaseImport(DatabaseSource database, String source, MappingFile mapping, String mappingName) {
    public DatabaseImport {
        Objects.requireNonNull(database, "database");
        mapping = mapping == null ? MappingFile.NONE : mapping;
    }
}
