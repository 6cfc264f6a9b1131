package de.grw.workspace;

import de.grw.store.Workspace;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportListener;
import de.grw.importing.ImportProblem;
import de.grw.importing.ImportedSource;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceImporter;
import de.grw.importing.SourceInput;
import de.grw.importing.db.DatabaseSource;
import de.grw.importing.read.TabularReader;
import de.grw.importing.SourceRecord;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import de.grw.profile.MatchProfile;

import de.grw.rights.Permission;
import de.grw.rights.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a file or a database table into a workspace as a new source, in one transaction: either every record (and
 * every reported problem) arrives, or nothing does. Records are stored exactly as read, beside their canonical and
 * normalised values; the file's SHA-256 (for a database: a SHA-256 of the rows read) guards against importing the
 * same content twice.
 */
public final class WorkspaceImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 5_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkspaceImporter.class);

    private final Workspace workspace;

    public WorkspaceImporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param source         source name, or {@code null} for the file name without extension
     * @param imported       what the import read
     * @param sha256         the file's SHA-256
     * @param sourceId       database id of the new source
     */
    public record Result(String source, ImportedSource imported, String sha256, long sourceId) {
    }

    public Result importFile(Session session, Path file, MappingFile mappingFile, Path mappingPath, String sourceName,
                             ProgressListener progress, CancellationToken cancel) {
        String name = sourceName != null ? sourceName : SourceImporter.sourceName(file);
        return importFile(session, new SourceInput.File(file, name, null), mappingFile, mappingPath, progress,
                cancel);
    }

    /**
     * Imports a file, or one sheet of a workbook. The guard against importing twice hashes the file's bytes; for a
     * sheet other than the one read when none is named, the sheet's name too, so that the sheets of one workbook can
     * be imported one by one (and each only once).
     */
    private Result importFile(Session session, SourceInput.File input, MappingFile mappingFile, Path mappingPath,
                              ProgressListener progress, CancellationToken cancel) {
        session.require(Permission.IMPORT, "import_records");
        Path file = input.path();
        String sha = sha256(file);
        String sheet = input.sheet() != null ? input.sheet()
                : (mappingFile == null ? MappingFile.NONE : mappingFile).readOptions(input.name(), mappingPath).sheet();
        String label = file.getFileName().toString();
        TabularReader reader = new TabularReader();
        if (sheet != null && !MappingFile.ALL_SHEETS.equals(sheet) && reader.isWorkbook(file)) {
            if (!sheet.equals(reader.defaultSheet(file))) {
                sha = sha256Of(sha + "\nsheet:" + sheet);
            }
            label = label + SourceInput.SHEET_SEPARATOR + sheet;
        }
        return store(session, input, label, sha, mappingFile, mappingPath, progress, cancel);
    }

    /**
     * Imports a database table or query as a new source, in one transaction like a file. The source is named after
     * the table unless {@code sourceName} is given (a query must be named). The guard against importing the same
     * thing twice uses a SHA-256 of the rows read and of what was read (URL without password, table or query): the
     * same table with unchanged content is refused, changed content may be imported under a new name.
     */
    public Result importDatabase(Session session, DatabaseSource db, MappingFile mappingFile, Path mappingPath,
                                 String sourceName, ProgressListener progress, CancellationToken cancel) {
        session.require(Permission.IMPORT, "import_records");
        SourceInput input = SourceInput.database(db, sourceName);
        return store(session, input, db.describe(), null, mappingFile, mappingPath, progress, cancel);
    }

    /** Imports a file or a database source (see {@link #importFile} and {@link #importDatabase}). */
    public Result importSource(Session session, SourceInput input, MappingFile mappingFile, Path mappingPath,
                               ProgressListener progress, CancellationToken cancel) {
        if (input instanceof SourceInput.File f) {
            return importFile(session, f, mappingFile, mappingPath, progress, cancel);
        }
        SourceInput.Database d = (SourceInput.Database) input;
        return importDatabase(session, d.source(), mappingFile, mappingPath, d.name(), progress, cancel);
    }

    /**
     * @param label    what the source is stored as having been read from: the file name, or the database's URL
     *                 (without password) and table
     * @param knownSha the file's SHA-256, checked before reading; {@code null} for a database, whose digest is
     *                 known only after reading and checked then, before the transaction commits
     */
    private Result store(Session session, SourceInput input, String label, String knownSha, MappingFile mappingFile,
                         Path mappingPath, ProgressListener progress, CancellationToken cancel) {
        MatchProfile profile = WorkspaceProfile.profile(workspace);
        GovernanceConfig governance = WorkspaceProfile.governance(workspace);
        String name = input.name();
        Normaliser[] normalisers = profile.fields().stream().map(f -> Normalisers.get(f.normaliser()))
                .toArray(Normaliser[]::new);
        int blockedField = profile.fieldIndex(governance.blockingNoticeField());
        try {
            return write(session, input, label, knownSha, mappingFile, mappingPath, progress, cancel, profile,
                    governance, normalisers, blockedField);
        } catch (de.grw.common.CancelledException e) {
            LOG.info("import of {} by {} cancelled", label, session.user());
            throw e;
        } catch (UserFacingException e) {
            LOG.warn("import of {} by {} refused: {}", label, session.user(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.error("import of {} by {} failed", label, session.user(), e);
            throw e;
        }
    }

    private Result write(Session session, SourceInput input, String label, String knownSha, MappingFile mappingFile,
                         Path mappingPath, ProgressListener progress, CancellationToken cancel, MatchProfile profile,
                         GovernanceConfig governance, Normaliser[] normalisers, int blockedField) {
        String name = input.name();
        return workspace.write(c -> {
            checkNew(c, name, knownSha, input.describe());
            long sourceId = SourceRepository.insert(c, name, label, knownSha == null ? "" : knownSha,
                    workspace.now().toString(), session.user());
            List<ImportProblem> problems = new ArrayList<>();
            SQLException[] failure = new SQLException[1];
            List<String>[] columns = new List[] {List.of()};
            ColumnMapping[] mappingUsed = new ColumnMapping[1];
            try (SourceRepository.RecordWriter records = new SourceRepository.RecordWriter(c, BATCH)) {
                SourceImporter importer = new SourceImporter(profile, mappingFile, mappingPath, blockedField);
                ImportedSource imported = importer.importSource(input, new ImportListener() {
                    @Override
                    public void mapping(ColumnMapping mapping) {
                        columns[0] = mapping.columns();
                        mappingUsed[0] = mapping;
                    }

                    @Override
                    public void record(SourceRecord r) {
                        if (failure[0] != null) {
                            return;
                        }
                        try {
                            store(records, sourceId, r, normalisers, blockedField);
                        } catch (SQLException e) {
                            failure[0] = e;
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                        problems.add(problem);
                    }
                }, progress, cancel);
                if (failure[0] != null) {
                    throw failure[0];
                }
                records.flush();
                String sha = knownSha;
                if (sha == null) {
                    sha = imported.contentSha256();
                    checkNew(c, null, sha, input.describe());
                }
                SourceRepository.insertProblems(c, sourceId, problems);
                finishSource(c, sourceId, imported, columns[0], mappingUsed[0], profile.name(), sha);
                WorkspaceEvents.SourceImported event;
                if (input instanceof SourceInput.Database d) {
                    boolean table = d.source().table() != null;
                    event = new WorkspaceEvents.SourceImported(name, null, d.source().safeUrl(),
                            table ? d.source().table() : null, table ? null : d.source().query(), sha,
                            imported.recordsImported(), imported.rowsRejected(), imported.invalidValues());
                } else {
                    event = new WorkspaceEvents.SourceImported(name, label, null, null, null, sha,
                            imported.recordsImported(), imported.rowsRejected(), imported.invalidValues());
                }
                Journal.append(c, workspace.now(), session.user(), JournalAction.SOURCE_IMPORTED, event);
                LOG.info("source {} imported by {} from {}: {} records, {} rows rejected, {} values not usable",
                        name, session.user(), label, imported.recordsImported(), imported.rowsRejected(),
                        imported.invalidValues());
                return new Result(name, imported, sha, sourceId);
            }
        });
    }

    /**
     * What appending a feed stored.
     *
     * @param source      the source appended to
     * @param sourceId    its database id
     * @param feedId      the feed's database id
     * @param sha256      the file's SHA-256 (a file appended or imported before is refused)
     * @param imported    what was read
     * @param appended    records appended
     * @param keysPresent rows skipped because their record key is in the source already (reported as problems)
     * @param problems    the problems of this feed, in file order
     */
    public record AppendResult(String source, long sourceId, long feedId, String sha256, ImportedSource imported,
                               long appended, long keysPresent, List<ImportProblem> problems) {
    }

    /**
     * Appends a daily feed of the same register to an existing source, in one transaction. The feed must have the
     * source's columns and its record key column; a row whose key the source holds already is reported and skipped,
     * never changed (records are kept as imported); a key twice within the feed is rejected as on import; a file
     * imported or appended before is refused. Journalled as {@code source.appended}.
     */
    public AppendResult appendFile(Session session, Path file, MappingFile mappingFile, Path mappingPath,
                                   String sourceName, ProgressListener progress, CancellationToken cancel) {
        session.require(Permission.IMPORT, "import_records");
        MatchProfile profile = WorkspaceProfile.profile(workspace);
        GovernanceConfig governance = WorkspaceProfile.governance(workspace);
        Normaliser[] normalisers = profile.fields().stream().map(f -> Normalisers.get(f.normaliser()))
                .toArray(Normaliser[]::new);
        int blockedField = profile.fieldIndex(governance.blockingNoticeField());
        String sha = sha256(file);
        String label = file.getFileName().toString();
        try {
            return workspace.write(c -> {
                Object[] source = SourceRepository.byName(c, sourceName).orElseThrow(() -> new UserFacingException(
                        de.grw.common.Text.of("workspace.append_no_source", label, sourceName)));
                long sourceId = (Long) source[0];
                List<String> sourceColumns;
                try {
                    sourceColumns = List.of(JSON.readValue((String) source[1], String[].class));
                } catch (JsonProcessingException e) {
                    throw new SQLException("source " + sourceName + " has unreadable columns", e);
                }
                var before = SourceRepository.withContent(c, sha);
                if (before.isPresent()) {
                    throw new UserFacingException(de.grw.common.Text.of("workspace.same_file", label, before.get()));
                }
                java.util.Set<String> present = SourceRepository.keys(c, sourceId);
                long firstProblem = SourceRepository.nextProblemId(c);
                long feedId = SourceRepository.insertFeed(c, sourceId, label, sha, workspace.now().toString(),
                        session.user());
                List<ImportProblem> problems = new ArrayList<>();
                SQLException[] failure = new SQLException[1];
                long[] skipped = new long[1];
                String idName = profile.idField().map(f -> f.name()).orElse(null);
                try (SourceRepository.RecordWriter records = new SourceRepository.RecordWriter(c, BATCH, feedId)) {
                    SourceImporter importer = new SourceImporter(profile, mappingFile, mappingPath, blockedField);
                    ImportedSource imported = importer.importSource(new SourceInput.File(file, sourceName, null),
                            new ImportListener() {
                                @Override
                                public void mapping(ColumnMapping mapping) {
                                    if (!mapping.columns().equals(sourceColumns)) {
                                        throw new UserFacingException(de.grw.common.Text.of(
                                                "workspace.append_columns", label, sourceName,
                                                String.join(", ", mapping.columns()),
                                                String.join(", ", sourceColumns)));
                                    }
                                    boolean keyed = idName != null && mapping.targets().stream().anyMatch(t ->
                                            t instanceof de.grw.importing.ColumnTarget.Field f
                                                    && f.field().equals(idName));
                                    if (!keyed) {
                                        throw new UserFacingException(de.grw.common.Text.of(
                                                "workspace.append_no_key", label, sourceName));
                                    }
                                }

                                @Override
                                public void record(SourceRecord r) {
                                    if (failure[0] != null) {
                                        return;
                                    }
                                    if (present.contains(r.recordId())) {
                                        skipped[0]++;
                                        problems.add(new ImportProblem(label, r.line(), r.rowNumber(),
                                                ImportProblem.Kind.REJECTED_ROW, "", de.grw.common.Text.of(
                                                        "import.key_present", r.recordId(), sourceName),
                                                String.join(";", r.cells())));
                                        return;
                                    }
                                    try {
                                        store(records, sourceId, r, normalisers, blockedField);
                                    } catch (SQLException e) {
                                        failure[0] = e;
                                    } catch (JsonProcessingException e) {
                                        throw new IllegalStateException(e);
                                    }
                                }

                                @Override
                                public void problem(ImportProblem problem) {
                                    problems.add(problem);
                                }
                            }, progress, cancel);
                    if (failure[0] != null) {
                        throw failure[0];
                    }
                    records.flush();
                    problems.sort(java.util.Comparator.comparingLong(ImportProblem::line));
                    SourceRepository.insertProblems(c, sourceId, problems);
                    long appended = imported.recordsImported() - skipped[0];
                    SourceRepository.finishFeed(c, feedId, sourceId, firstProblem, imported.rowsRead(),
                            imported.rowsRejected() + skipped[0], appended, skipped[0]);
                    Journal.append(c, workspace.now(), session.user(), JournalAction.SOURCE_APPENDED,
                            new WorkspaceEvents.SourceAppended(sourceName, feedId, label, sha, appended, skipped[0],
                                    imported.rowsRejected(), imported.invalidValues()));
                    LOG.info("feed {} appended to source {} by {}: {} records, {} keys present already, {} rows "
                            + "rejected", label, sourceName, session.user(), appended, skipped[0],
                            imported.rowsRejected());
                    return new AppendResult(sourceName, sourceId, feedId, sha, imported, appended, skipped[0],
                            List.copyOf(problems));
                }
            });
        } catch (UserFacingException e) {
            LOG.warn("appending {} to {} by {} refused: {}", label, sourceName, session.user(), e.getMessage());
            throw e;
        }
    }

    /**
     * Refuses a name in use ({@code name} not {@code null}) and content imported before ({@code sha} not
     * {@code null}); {@code what} names the input in the message.
     */
    private void checkNew(Connection c, String name, String sha, String what) throws SQLException {
        var found = SourceRepository.byNameOrContent(c, name, sha);
        if (found.isPresent()) {
            String[] existing = found.get();
            if (sha != null && existing[1].equals(sha)) {
                throw new UserFacingException(de.grw.common.Text.of(name == null && sha != null
                        ? "workspace.same_content" : "workspace.same_file", what, existing[0]));
            }
            throw new UserFacingException(de.grw.common.Text.of("workspace.source_exists", what, name));
        }
    }

    private static void finishSource(Connection c, long sourceId, ImportedSource imported, List<String> columns,
                                     ColumnMapping mapping, String profileName, String sha) throws SQLException {
        Map<String, String> mappingJson = new LinkedHashMap<>();
        if (mapping != null) {
            for (int i = 0; i < mapping.columns().size(); i++) {
                mappingJson.put(mapping.columns().get(i), mapping.targets().get(i).describe());
            }
        }
        SourceRepository.finish(c, sourceId, imported.format().describe(), CanonicalJson.write(columns),
                CanonicalJson.write(mappingJson), profileName, imported.rowsRead(), imported.rowsRejected(), sha);
    }

    /**
     * The problems stored for an imported source, in file order, at most {@code limit} of them (all when
     * {@code limit <= 0}); for showing them after an import.
     */
    public List<ImportProblem> problems(Session session, long sourceId, int limit) {
        session.require(Permission.IMPORT, "see_import_problems");
        return workspace.read(c -> SourceRepository.problems(c, sourceId, limit <= 0 ? Integer.MAX_VALUE : limit));
    }

    /** The normalisers of the profile's fields, in field order (as an import uses them). */
    public static Normaliser[] normalisers(MatchProfile profile) {
        return profile.fields().stream().map(f -> Normalisers.get(f.normaliser())).toArray(Normaliser[]::new);
    }

    /** SHA-256 of a text's UTF-8 bytes, as lower-case hex. */
    private static String sha256Of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a file's bytes, as lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserFacingException(de.grw.common.Text.of("file.not_found", file));
        } catch (IOException e) {
            throw new UserFacingException(de.grw.common.Text.of("file.cannot_read", file, e.getMessage()), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes one read row as a record of the source: its cells, values and normalised values, and its blocking flag.
     * An import, an appended feed and a record stored by real-time linking ({@code de.grw.linking}) all write
     * through here, so a record reads the same whichever way it came.
     */
    public static void store(SourceRepository.RecordWriter records, long sourceId, SourceRecord r,
                              Normaliser[] normalisers, int blockedField)
            throws SQLException, JsonProcessingException {
        List<String> values = r.values();
        List<String> normalised = new ArrayList<>(values.size());
        for (int f = 0; f < values.size(); f++) {
            normalised.add(values.get(f) == null ? null : normalisers[f].normalise(values.get(f)));
        }
        records.add(sourceId, r.recordId(), r.rowNumber(), r.line(), JSON.writeValueAsString(r.cells()),
                JSON.writeValueAsString(values), JSON.writeValueAsString(normalised),
                blockedField >= 0 && "true".equals(values.get(blockedField)));
    }
}
