package de.grw.workspace;

import de.grw.store.Migrations;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        return workspace.write(c -> {
            checkNew(c, name, knownSha, input.describe());
            long sourceId = insertSource(c, name, label, knownSha == null ? "" : knownSha, session.user());
            List<ImportProblem> problems = new ArrayList<>();
            SQLException[] failure = new SQLException[1];
            List<String>[] columns = new List[] {List.of()};
            ColumnMapping[] mappingUsed = new ColumnMapping[1];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO records(source_id, record_key, row_number, "
                    + "line, cells_json, values_json, normalised_json, blocked) VALUES (?,?,?,?,?,?,?,?)")) {
                int[] pending = {0};
                SourceImporter importer = new SourceImporter(profile, mappingFile, mappingPath);
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
                            List<String> values = r.values();
                            List<String> normalised = new ArrayList<>(values.size());
                            for (int f = 0; f < values.size(); f++) {
                                normalised.add(values.get(f) == null ? null : normalisers[f].normalise(values.get(f)));
                            }
                            ps.setLong(1, sourceId);
                            ps.setString(2, r.recordId());
                            ps.setLong(3, r.rowNumber());
                            ps.setLong(4, r.line());
                            ps.setString(5, JSON.writeValueAsString(r.cells()));
                            ps.setString(6, JSON.writeValueAsString(values));
                            ps.setString(7, JSON.writeValueAsString(normalised));
                            ps.setInt(8, blockedField >= 0 && "true".equals(values.get(blockedField)) ? 1 : 0);
                            ps.addBatch();
                            if (++pending[0] == BATCH) {
                                ps.executeBatch();
                                pending[0] = 0;
                            }
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
                ps.executeBatch();
                String sha = knownSha;
                if (sha == null) {
                    sha = imported.contentSha256();
                    checkNew(c, null, sha, input.describe());
                }
                storeProblems(c, sourceId, problems);
                finishSource(c, sourceId, imported, columns[0], mappingUsed[0], profile.name(), sha);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("source", name);
                if (input instanceof SourceInput.Database d) {
                    payload.put("database", d.source().safeUrl());
                    payload.put(d.source().table() != null ? "table" : "query",
                            d.source().table() != null ? d.source().table() : d.source().query());
                } else {
                    payload.put("file", label);
                }
                payload.put("sha256", sha);
                payload.put("records", imported.recordsImported());
                payload.put("rows_rejected", imported.rowsRejected());
                payload.put("values_not_usable", imported.invalidValues());
                Journal.append(c, workspace.now(), session.user(), "source.imported", payload);
                return new Result(name, imported, sha, sourceId);
            }
        });
    }

    /**
     * Refuses a name in use ({@code name} not {@code null}) and content imported before ({@code sha} not
     * {@code null}); {@code what} names the input in the message.
     */
    private void checkNew(Connection c, String name, String sha, String what) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, sha256 FROM sources WHERE name = ? OR sha256 = ?")) {
            ps.setString(1, name);
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (sha != null && rs.getString(2).equals(sha)) {
                        throw new UserFacingException(de.grw.common.Text.of(name == null && sha != null
                                ? "workspace.same_content" : "workspace.same_file", what, rs.getString(1)));
                    }
                    throw new UserFacingException(de.grw.common.Text.of("workspace.source_exists", what, name));
                }
            }
        }
    }

    private long insertSource(Connection c, String name, String label, String sha, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources(name, file_name, sha256, imported_at, "
                + "imported_by, format, columns_json, mapping_json, profile_name, rows_read, rows_rejected) "
                + "VALUES (?,?,?,?,?,'','[]','{}','',0,0)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, label);
            ps.setString(3, sha);
            ps.setString(4, workspace.now().toString());
            ps.setString(5, user);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
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
        try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET format = ?, columns_json = ?, "
                + "mapping_json = ?, profile_name = ?, rows_read = ?, rows_rejected = ?, sha256 = ? WHERE id = ?")) {
            ps.setString(1, imported.format().describe());
            ps.setString(2, CanonicalJson.write(columns));
            ps.setString(3, CanonicalJson.write(mappingJson));
            ps.setString(4, profileName);
            ps.setLong(5, imported.rowsRead());
            ps.setLong(6, imported.rowsRejected());
            ps.setString(7, sha);
            ps.setLong(8, sourceId);
            ps.executeUpdate();
        }
    }

    private static void storeProblems(Connection c, long sourceId, List<ImportProblem> problems) throws SQLException {
        // a workspace held at an older schema (only in tests of migrations) has no message_text yet
        boolean texts = Migrations.version(c) >= 3;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_problems(source_id, line, row_number, kind, "
                + "column_name, message, raw" + (texts ? ", message_text) VALUES (?,?,?,?,?,?,?,?)"
                : ") VALUES (?,?,?,?,?,?,?)"))) {
            for (ImportProblem p : problems) {
                ps.setLong(1, sourceId);
                ps.setLong(2, p.line());
                ps.setLong(3, p.rowNumber());
                ps.setString(4, p.kind().name());
                ps.setString(5, p.column());
                ps.setString(6, p.message());
                ps.setString(7, p.rawText());
                if (texts) {
                    ps.setString(8, de.grw.common.TextJson.write(p.text()));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The problems stored for an imported source, in file order, at most {@code limit} of them (all when
     * {@code limit <= 0}); for showing them after an import.
     */
    public List<ImportProblem> problems(Session session, long sourceId, int limit) {
        session.require(Permission.IMPORT, "see_import_problems");
        return workspace.read(c -> {
            List<ImportProblem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.file_name, p.line, p.row_number, p.kind, "
                    + "p.column_name, p.message, p.raw, p.message_text FROM import_problems p "
                    + "JOIN sources s ON s.id = p.source_id "
                    + "WHERE p.source_id = ? ORDER BY p.id LIMIT ?")) {
                ps.setLong(1, sourceId);
                ps.setInt(2, limit <= 0 ? Integer.MAX_VALUE : limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ImportProblem(rs.getString(1), rs.getLong(2), rs.getLong(3),
                                ImportProblem.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                                rs.getString(7), de.grw.common.TextJson.read(rs.getString(8))));
                    }
                }
            }
            return out;
        });
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
}
