package de.grw.ui.importing;

import de.grw.importing.ColumnMapping;
import de.grw.importing.ColumnTarget;
import de.grw.importing.MappingFile;
import de.grw.profile.MatchProfile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The user's column choices as a mapping file, in the format the command line's {@code --mapping} reads: every
 * column with its target under {@code columns}, so the file applies to every delivery with these headers whatever
 * the file is called, plus the encoding, delimiter or sheet if a loaded mapping file fixed them. The engine writes
 * it ({@link MappingFile#write}) and reads it ({@link MappingFile#load}).
 */
final class MappingFiles {
    private MappingFiles() {
    }

    /** Reading settings a mapping file fixes for a source (the source's own winning), or {@code null} each. */
    record ReadSettings(String encoding, String delimiter, String sheet) {
        static final ReadSettings NONE = new ReadSettings(null, null, null);

        static ReadSettings of(MappingFile file, String source) {
            if (file == null) {
                return NONE;
            }
            MappingFile.SourceSettings own = file.sources().get(source);
            return new ReadSettings(own != null && own.encoding() != null ? own.encoding() : file.encoding(),
                    own != null && own.delimiter() != null ? own.delimiter() : file.delimiter(),
                    own != null && own.sheet() != null ? own.sheet() : file.sheet());
        }

        boolean isEmpty() {
            return encoding == null && delimiter == null && sheet == null;
        }
    }

    /** A mapping file that maps every column exactly as chosen. */
    static MappingFile of(List<ColumnRow> rows, ReadSettings settings) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (ColumnRow r : rows) {
            columns.put(r.name(), r.target() == null ? TargetOption.EXTRA : r.target().code());
        }
        return new MappingFile(columns, null, settings.encoding(), settings.delimiter(), settings.sheet());
    }

    /**
     * Applies a mapping file's column overrides to the current choices, as the importer would; a column the file
     * overrides has the reason {@code "(mapping file)"}, the others an empty one.
     */
    static ColumnMapping apply(List<ColumnRow> rows, MappingFile file, String source, MatchProfile profile,
                               Path path, List<String> warnings) {
        List<String> names = rows.stream().map(ColumnRow::name).toList();
        List<ColumnTarget> targets = rows.stream().map(r -> ColumnTarget.parse(r.target() == null
                ? TargetOption.EXTRA : r.target().code(), profile)).toList();
        ColumnMapping current = new ColumnMapping(names, targets, Collections.nCopies(names.size(), ""));
        return file.apply(current, source, profile, path, warnings);
    }
}
