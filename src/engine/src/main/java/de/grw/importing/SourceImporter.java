package de.grw.importing;

import de.grw.common.Text;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.db.DatabaseReader;
import de.grw.importing.db.DatabaseSource;
import de.grw.importing.db.RowDigest;
import de.grw.importing.read.DetectedFormat;
import de.grw.importing.read.ReadOptions;
import de.grw.importing.read.RowSink;
import de.grw.importing.read.TabularReader;
import de.grw.profile.MatchProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports one file or database table into source records: reads it (CSV, JSON, Excel; a table or query over JDBC),
 * maps its columns onto the profile's fields (automatically, overridden by a mapping file), and assembles each row.
 * Every row ends up either as a record or as a reported problem; rows are never dropped silently.
 */
public final class SourceImporter {
    private final MatchProfile profile;
    private final MappingFile mappingFile;
    private final Path mappingPath;
    private final int blockedField;
    private final TabularReader reader = new TabularReader();

    /** What a problem of a row under a blocking notice keeps of the row: nothing of the person. */
    public static final String BLOCKED_ROW = "*** (Auskunftssperre)";

    public SourceImporter(MatchProfile profile, MappingFile mappingFile, Path mappingPath) {
        this(profile, mappingFile, mappingPath, -1);
    }

    /**
     * @param blockedField the profile's field of the blocking notice (Auskunftssperre), or -1: a rejected row or a
     *                     row with an unusable value whose blocking notice is set is reported without its values
     *                     ({@value #BLOCKED_ROW}), so the import problems hold nothing of a blocked person
     */
    public SourceImporter(MatchProfile profile, MappingFile mappingFile, Path mappingPath, int blockedField) {
        this.profile = profile;
        this.mappingFile = mappingFile == null ? MappingFile.NONE : mappingFile;
        this.mappingPath = mappingPath;
        this.blockedField = blockedField;
    }

    public SourceImporter(MatchProfile profile) {
        this(profile, MappingFile.NONE, null);
    }

    /** The source name of a file: its name without the extension. */
    public static String sourceName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Imports a file or a database source. */
    public ImportedSource importSource(SourceInput input, ImportListener listener, ProgressListener progress,
                                       CancellationToken cancel) {
        if (input instanceof SourceInput.File f) {
            return importFile(f.path(), f.name(), f.sheet(), listener, progress, cancel);
        }
        SourceInput.Database d = (SourceInput.Database) input;
        return importDatabase(d.source(), d.name(), listener, progress, cancel);
    }

    public ImportedSource importFile(Path file, ImportListener listener, ProgressListener progress,
                                     CancellationToken cancel) {
        return importFile(file, sourceName(file), listener, progress, cancel);
    }

    /** Imports a file as the source {@code source} (the mapping file's per-source settings go by that name). */
    public ImportedSource importFile(Path file, String source, ImportListener listener, ProgressListener progress,
                                     CancellationToken cancel) {
        return importFile(file, source, null, listener, progress, cancel);
    }

    /**
     * Imports a file, or one sheet of a workbook, as the source {@code source}.
     *
     * @param sheet the sheet to read, or {@code null} for the mapping file's or the reader's choice; problems then
     *              name the file as {@code FILE#SHEET}
     */
    public ImportedSource importFile(Path file, String source, String sheet, ImportListener listener,
                                     ProgressListener progress, CancellationToken cancel) {
        ReadOptions options = mappingFile.readOptions(source, mappingPath);
        if (sheet != null) {
            if (!reader.isWorkbook(file)) {
                throw new UserFacingException(Text.of("import.sheet_not_workbook", file.getFileName(), sheet));
            }
            options = options.withSheet(sheet);
        } else if (MappingFile.ALL_SHEETS.equals(options.sheet())) {
            throw new UserFacingException(Text.of("mapping.all_sheets_one_source", file));
        }
        String shownAs = file.getFileName() + (sheet == null ? "" : SourceInput.SHEET_SEPARATOR + sheet);
        Collector collector = new Collector(shownAs, source, listener);
        DetectedFormat format = reader.read(file, options, collector, cancel, progress);
        if (collector.assembler == null) {
            throw new UserFacingException(Text.of("import.no_header", file.getFileName()));
        }
        if (collector.rows == 0) {
            throw new UserFacingException(Text.of("import.header_only", file.getFileName()));
        }
        return new ImportedSource(source, file, format, collector.assembler.mapping(), collector.rows,
                collector.imported, collector.rejected, collector.invalidValues, collector.warnings);
    }

    /**
     * The inputs with every workbook whose sheets are all to be read ({@code allSheets}, or {@code "sheet": "*"} in the
     * mapping file for its source) replaced by one input per sheet that holds a table, named {@code NAME#SHEET}.
     *
     * @param notes receives, per workbook so expanded, which sheets became sources and which were not read
     * @throws UserFacingException for such a workbook without a sheet that holds a table
     */
    public static List<SourceInput> expandSheets(List<SourceInput> inputs, boolean allSheets, MappingFile mappingFile,
                                                 Path mappingPath, List<Text> notes) {
        MappingFile mapping = mappingFile == null ? MappingFile.NONE : mappingFile;
        TabularReader reader = new TabularReader();
        List<SourceInput> out = new ArrayList<>();
        for (SourceInput input : inputs) {
            if (!(input instanceof SourceInput.File f) || f.sheet() != null
                    || !(allSheets || MappingFile.ALL_SHEETS.equals(mapping.readOptions(f.name(), mappingPath)
                    .sheet())) || !reader.isWorkbook(f.path())) {
                out.add(input);
                continue;
            }
            List<String> tables = reader.tableSheets(f.path());
            List<String> others = new ArrayList<>(reader.sheetNames(f.path()));
            others.removeAll(tables);
            if (tables.isEmpty()) {
                throw new UserFacingException(Text.of("import.excel_no_table_at_all", f.path().getFileName(),
                        String.join(", ", others)));
            }
            List<String> names = new ArrayList<>();
            for (String sheet : tables) {
                SourceInput s = SourceInput.sheet(f.path(), f.name(), sheet);
                names.add(s.name());
                out.add(s);
            }
            notes.add(others.isEmpty() ? Text.of("import.sheets_as_sources", f.path().getFileName(),
                    String.join(", ", names)) : Text.of("import.sheets_as_sources_but", f.path().getFileName(),
                    String.join(", ", names), String.join(", ", others)));
        }
        return out;
    }

    /**
     * Imports a database table or query as the source {@code source}, streaming its rows (see
     * {@link DatabaseReader}); the result carries a SHA-256 of the rows read ({@link RowDigest}).
     */
    public ImportedSource importDatabase(DatabaseSource db, String source, ImportListener listener,
                                         ProgressListener progress, CancellationToken cancel) {
        Collector collector = new Collector(source, source, listener);
        RowDigest digest = new RowDigest(db.describe(), collector);
        DetectedFormat format = new DatabaseReader().read(db, digest, cancel, progress);
        if (collector.assembler == null) {
            throw new UserFacingException(Text.of("import.db_no_columns", db.describe()));
        }
        if (collector.rows == 0) {
            throw new UserFacingException(Text.of(db.table() != null ? "import.db_table_empty"
                    : "import.db_query_empty", db.describe()));
        }
        return new ImportedSource(source, null, format, collector.assembler.mapping(), collector.rows,
                collector.imported, collector.rejected, collector.invalidValues, collector.warnings, digest.hex());
    }

    /**
     * Imports rows that another reader delivered (the Spark job of issue 17 reads Parquet with Spark): the header is
     * mapped and every row assembled exactly as a file's rows are. Problems name the input {@code shownAs}; a row's
     * line is its number plus one (the header counts as line 1).
     */
    public ImportedSource importRows(String source, String shownAs, List<String> header,
                                     java.util.Iterator<String[]> rows, ImportListener listener,
                                     CancellationToken cancel) {
        Collector collector = new Collector(shownAs, source, listener);
        collector.header(header);
        long row = 0;
        while (rows.hasNext()) {
            if ((row & 0xfff) == 0) {
                cancel.throwIfCancelled();
            }
            row++;
            collector.row(row, row + 1, rows.next().clone()); // the caller's iterator may reuse its arrays
        }
        if (collector.rows == 0) {
            throw new UserFacingException(Text.of("import.header_only", shownAs));
        }
        return new ImportedSource(source, null, DetectedFormat.database(shownAs), collector.assembler.mapping(),
                collector.rows, collector.imported, collector.rejected, collector.invalidValues, collector.warnings);
    }

    /** Maps the header and turns rows into records. */
    private final class Collector implements RowSink {
        private final String source;
        private final String fileName;
        private final ImportListener listener;
        private final List<String> warnings = new ArrayList<>();
        private final FirstLines idLines = new FirstLines();
        private final List<ImportProblem> valueProblems = new ArrayList<>();
        private RecordAssembler assembler;
        private long rows;
        private long imported;
        private long rejected;
        private long invalidValues;
        /** Whether a column is mapped to the record id (decided once, with the header). */
        private boolean hasIdColumn;

        /** @param fileName how problems name the input: the file name, or the source name of a database */
        Collector(String fileName, String source, ImportListener listener) {
            this.source = source;
            this.fileName = fileName;
            this.listener = listener;
        }

        @Override
        public void header(List<String> columns) {
            ColumnMapping mapping = HeaderMatcher.suggest(columns, profile);
            mapping = mappingFile.apply(mapping, source, profile, mappingPath, warnings);
            assembler = new RecordAssembler(profile, mapping);
            hasIdColumn = assembler.idField() >= 0 && hasIdColumn();
            listener.mapping(mapping);
        }

        @Override
        public void row(long rowNumber, long line, String[] cells) {
            rows++;
            valueProblems.clear();
            String[] values = assembler.assemble(cells, fileName, rowNumber, line, valueProblems);
            boolean blocked = blockedField >= 0 && blockedField < values.length
                    && "true".equals(values[blockedField]);
            if (blocked) {
                // a blocked person's values stay out of the problems: the column and the kind of problem only
                valueProblems.replaceAll(p -> new ImportProblem(p.file(), p.line(), p.rowNumber(), p.kind(),
                        p.column(), Text.of("import.blocked_value", p.column()), BLOCKED_ROW));
            }
            String id;
            int idField = assembler.idField();
            if (idField >= 0 && hasIdColumn) {
                id = values[idField];
                if (id == null) {
                    reject(rowNumber, line, Text.of("import.id_empty"), blocked ? null : cells);
                    return;
                }
                long first = idLines.putIfAbsent(id, line);
                if (first >= 0) {
                    reject(rowNumber, line, blocked ? Text.of("import.id_twice_blocked", first)
                            : Text.of("import.id_twice", id, first), blocked ? null : cells);
                    return;
                }
            } else {
                id = Long.toString(rowNumber);
            }
            for (int i = 0; i < valueProblems.size(); i++) {
                invalidValues++;
                listener.problem(valueProblems.get(i));
            }
            imported++;
            listener.record(SourceRecord.owning(source, id, rowNumber, line, cells, values));
        }

        private boolean hasIdColumn() {
            String idName = profile.fields().get(assembler.idField()).name();
            return assembler.mapping().targets().stream()
                    .anyMatch(t -> t instanceof ColumnTarget.Field f && f.field().equals(idName));
        }

        private void reject(long rowNumber, long line, Text reason, String[] cells) {
            rejected++;
            listener.problem(new ImportProblem(fileName, line, rowNumber, ImportProblem.Kind.REJECTED_ROW, "", reason,
                    cells == null ? BLOCKED_ROW : String.join(";", nullsAsEmpty(cells))));
        }

        @Override
        public void unreadable(long rowNumber, long line, int column, Text reason) {
            String name = assembler == null || column >= assembler.mapping().columns().size() ? ""
                    : assembler.mapping().columns().get(column);
            invalidValues++;
            listener.problem(new ImportProblem(fileName, line, rowNumber, ImportProblem.Kind.INVALID_VALUE, name,
                    reason, ""));
        }

        @Override
        public void notice(long line, int column, Text message) {
            String name = assembler == null || column < 0 || column >= assembler.mapping().columns().size() ? ""
                    : assembler.mapping().columns().get(column);
            ImportProblem notice = new ImportProblem(fileName, line, 0, ImportProblem.Kind.NOTICE, name, message, "");
            warnings.add(notice.where() + ": " + notice.message());
            listener.problem(notice);
        }

        @Override
        public void rejected(long rowNumber, long line, Text reason, String rawText) {
            rows++;
            rejected++;
            listener.problem(new ImportProblem(fileName, line, rowNumber, ImportProblem.Kind.REJECTED_ROW, "", reason,
                    rawText));
        }

        private List<String> nullsAsEmpty(String[] cells) {
            List<String> out = new ArrayList<>(cells.length);
            for (String c : cells) {
                out.add(c == null ? "" : c);
            }
            return out;
        }
    }
}
