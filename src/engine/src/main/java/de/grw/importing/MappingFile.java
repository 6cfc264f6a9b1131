package de.grw.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.UserFacingException;
import de.grw.importing.read.ReadOptions;
import de.grw.profile.MatchProfile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's mapping file: overrides the automatic column mapping, for all inputs ({@code columns}) or per source
 * ({@code sources}, keyed by the input's file name without extension), and may fix the encoding, delimiter or
 * Excel sheet. Example:
 *
 * <pre>{@code
 * {
 *   "columns": {"Familienname": "family_name", "Bemerkung": "extra"},
 *   "sources": {
 *     "sozialamt": {"encoding": "windows-1252", "delimiter": ";",
 *                   "columns": {"Name": "full_name", "Jahr": "birth_date.year"}}
 *   }
 * }
 * }</pre>
 *
 * A target is a field name, a date part ({@code birth_date.year|month|day}), a combined-column name
 * ({@code full_name}, {@code street_address}) or {@code extra} (keep, do not compare).
 *
 * @param columns   column overrides for every source (header name -> target)
 * @param sources   per-source settings
 * @param encoding  encoding for every source, or {@code null} to detect
 * @param delimiter delimiter for every source ({@code ";"}, {@code ","}, {@code "tab"}, {@code "|"}), or {@code null}
 * @param sheet     Excel sheet for every source, or {@code null}; {@value #ALL_SHEETS} reads every sheet that holds a
 *                  table as a source of its own ({@code NAME#SHEET})
 */
public record MappingFile(Map<String, String> columns, Map<String, SourceSettings> sources, String encoding,
                          String delimiter, String sheet) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** The sheet setting that reads every sheet of a workbook as a source of its own. */
    public static final String ALL_SHEETS = "*";

    /** An empty mapping file: everything automatic. */
    public static final MappingFile NONE = new MappingFile(null, null, null, null, null);

    public MappingFile {
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        sources = sources == null ? Map.of() : new LinkedHashMap<>(sources);
    }

    /**
     * Settings of one source.
     *
     * @param columns   column overrides (header name -> target)
     * @param encoding  encoding, or {@code null}
     * @param delimiter delimiter, or {@code null}
     * @param sheet     Excel sheet, or {@code null}
     */
    public record SourceSettings(Map<String, String> columns, String encoding, String delimiter, String sheet) {
        public SourceSettings {
            columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        }
    }

    /**
     * Writes the mapping file as JSON (only what is set: encoding, delimiter, sheet, columns, sources), replacing the
     * file in one step, in the format {@link #load} and the command line's {@code --mapping} read.
     */
    public void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        putIfSet(json, "encoding", encoding);
        putIfSet(json, "delimiter", delimiter);
        putIfSet(json, "sheet", sheet);
        json.put("columns", columns);
        if (!sources.isEmpty()) {
            json.put("sources", sources);
        }
        byte[] bytes = MAPPER.copy().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(json);
        de.grw.common.AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static void putIfSet(Map<String, Object> json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    public static MappingFile load(Path file) {
        try {
            return MAPPER.readValue(Files.readAllBytes(file), MappingFile.class);
        } catch (NoSuchFileException e) {
            throw new UserFacingException(de.grw.common.Text.of("mapping.not_found", file));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new UserFacingException(loc == null
                    ? de.grw.common.Text.of("mapping.invalid", file, e.getOriginalMessage())
                    : de.grw.common.Text.of("mapping.invalid_at", file, loc.getLineNr(), loc.getColumnNr(),
                            e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UserFacingException(de.grw.common.Text.of("mapping.cannot_read", file, e.getMessage()), e);
        }
    }

    /**
     * The settings of a source: by its name, or, for a sheet read as a source of its own ({@code NAME#SHEET}), by
     * that name or else the workbook's ({@code NAME}).
     */
    private SourceSettings settings(String source) {
        SourceSettings own = sources.get(source);
        int hash = source.lastIndexOf(SourceInput.SHEET_SEPARATOR);
        if (own == null && hash > 0) {
            own = sources.get(source.substring(0, hash));
        }
        return own;
    }

    /** Reader options for a source: the file's settings, a source's own settings winning. */
    public ReadOptions readOptions(String source, Path mappingPath) {
        SourceSettings own = settings(source);
        String enc = own != null && own.encoding() != null ? own.encoding() : encoding;
        String delim = own != null && own.delimiter() != null ? own.delimiter() : delimiter;
        String sh = own != null && own.sheet() != null ? own.sheet() : sheet;
        ReadOptions options = ReadOptions.DEFAULTS;
        if (enc != null) {
            try {
                options = options.withEncoding(Charset.forName(enc));
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(de.grw.common.Text.of("mapping.unknown_encoding", mappingPath, enc));
            }
        }
        if (delim != null) {
            options = options.withDelimiter(parseDelimiter(delim, mappingPath));
        }
        if (sh != null) {
            options = options.withSheet(sh);
        }
        return options;
    }

    private static char parseDelimiter(String d, Path mappingPath) {
        String v = d.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("tab") || v.equals("\\t") || d.equals("\t")) {
            return '\t';
        }
        if (d.length() == 1 && d.charAt(0) != '"') {
            return d.charAt(0);
        }
        throw new UserFacingException(de.grw.common.Text.of("mapping.bad_delimiter", mappingPath, d));
    }

    /**
     * Applies the overrides for a source to an automatic mapping.
     *
     * @param warnings receives notes about override columns the file does not have
     */
    public ColumnMapping apply(ColumnMapping automatic, String source, MatchProfile profile, Path mappingPath,
                               List<String> warnings) {
        Map<String, String> overrides = new LinkedHashMap<>(columns);
        SourceSettings own = settings(source);
        if (own != null) {
            overrides.putAll(own.columns());
        }
        if (overrides.isEmpty()) {
            return automatic;
        }
        List<ColumnTarget> targets = new ArrayList<>(automatic.targets());
        List<String> reasons = new ArrayList<>(automatic.reasons());
        for (var e : overrides.entrySet()) {
            ColumnTarget target = ColumnTarget.parse(e.getValue(), profile);
            if (target == null) {
                throw new UserFacingException(de.grw.common.Text.of("mapping.bad_target", mappingPath, e.getKey(),
                        e.getValue()));
            }
            int index = findColumn(automatic.columns(), e.getKey());
            if (index < 0) {
                warnings.add(mappingPath + ": source " + source + " has no column \"" + e.getKey() + "\"");
                continue;
            }
            targets.set(index, target);
            reasons.set(index, "(mapping file)");
        }
        return new ColumnMapping(automatic.columns(), targets, reasons);
    }

    private static int findColumn(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equals(name)) {
                return i;
            }
        }
        String key = HeaderMatcher.key(name);
        for (int i = 0; i < columns.size(); i++) {
            if (HeaderMatcher.key(columns.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
