package de.grw.export;

import de.grw.access.AccessLog;
import de.grw.common.AtomicDirectory;
import de.grw.common.AtomicFiles;
import de.grw.common.UserFacingException;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalFile;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports the approved golden records of a workspace: only ACTIVE golden records (created by approved merges and
 * neither reverted nor merged into another), with their current values and members. Writes into the target
 * directory:
 * <ul>
 * <li>{@code golden_records.csv|jsonl}: one row per golden record, {@code golden_id} and every profile field but the
 * record id, in profile order;</li>
 * <li>{@code lineage.csv|jsonl}: one row per golden record and field with a value (or a value a clerk typed or
 * cleared): value, origin ({@code RECORD} or {@code MANUAL}), the source, record key and database id it came from,
 * and the decision that set it;</li>
 * <li>{@code members.csv|jsonl}: golden id, source, record key and database id of every member record;</li>
 * <li>{@code journal.jsonl}: the whole journal with its hashes (including the entry that logs this export), which
 * {@code verify --journal} checks without the workspace; {@code journal.treehead.json}: the journal's Merkle tree
 * head, signed when the workspace keeps a ledger, for {@code verify --head}; and {@code journal.head}: its entry count
 * and head
 * hash.</li>
 * </ul>
 * Golden records with a member under a blocking notice are left out unless the options include them, which needs
 * {@link Permission#EXPORT_BLOCKED} and a case reference. Every export is logged in the access log (action
 * {@code EXPORT}, all exported records, case reference; {@code EXPORT_BLOCKED} besides for the blocked records
 * included) and in the journal (action {@code export}), in one transaction, <em>before</em> the files are written:
 * a failed write may leave a logged export without files, never files without a log entry.
 *
 * <p>The set is written as a whole ({@link AtomicDirectory}): into a new folder beside the target, every file forced
 * to the disk, then renamed into place of the previous set. A failed export (a full disk, a crash) leaves the
 * previous set untouched, never a mix of new and old files. The target must be missing, empty or hold an earlier
 * export; a folder holding other files is refused before anything is logged.
 */
public final class GoldenExporter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GoldenExporter.class);
    public static final String GOLDEN = "golden_records";
    public static final String LINEAGE = "lineage";
    public static final String MEMBERS = "members";
    public static final String JOURNAL = "journal.jsonl";
    public static final String JOURNAL_HEAD = "journal.head";

    static final List<String> LINEAGE_HEADER = List.of("golden_id", "field", "value", "origin", "origin_source",
            "origin_record_key", "origin_record_id", "decision_id");
    static final List<String> MEMBERS_HEADER = List.of("golden_id", "source", "record_key", "record_id");

    private final Workspace workspace;
    private final FileWriting files;

    public GoldenExporter(Workspace workspace) {
        this(workspace, AtomicFiles::writeDurably);
    }

    /** With another way of writing each file: for tests that make the disk fail. */
    GoldenExporter(Workspace workspace, FileWriting files) {
        this.workspace = workspace;
        this.files = files;
    }

    /** Writes one file of the set (durably; the default is {@link AtomicFiles#writeDurably}). */
    @FunctionalInterface
    interface FileWriting {
        void write(Path file, AtomicFiles.Writer body) throws IOException;
    }

    /** Whether a file name belongs to an export set (the files of any format, as an earlier export wrote them). */
    static boolean exportFile(String name) {
        for (String table : List.of(GOLDEN, LINEAGE, MEMBERS)) {
            for (ExportFormat f : ExportFormat.values()) {
                if (name.equals(table + "." + f.extension())) {
                    return true;
                }
            }
        }
        return name.equals(JOURNAL) || name.equals(JOURNAL_HEAD) || name.equals(de.grw.ledger.TreeHead.FILE);
    }

    record Member(long recordId, String source, String recordKey, boolean blocked) {
    }

    record Value(String field, String value, String origin, Long originRecord, String originSource,
                 String originKey, long decisionId) {
    }

    record Golden(String id, List<Member> members, Map<String, Value> values) {
        boolean blocked() {
            return members.stream().anyMatch(Member::blocked);
        }
    }

    /** What an export sends: the golden records selected and logged, and the journal after logging. */
    record Snapshot(List<Golden> exported, int leftOut, int blockedIncluded, int records,
                    List<JournalEntry> journal) {
    }

    /** The three tables of an export: golden records, lineage and members, each a header and rows. */
    record Tables(List<String> goldenHeader, List<List<Object>> goldenRows, List<List<Object>> lineageRows,
                  List<List<Object>> memberRows) {
    }

    public ExportResult export(Session session, ExportOptions options) {
        checkRights(session, options.includeBlocked(), options.caseRef());
        workspace.checkIntegrity();
        List<String> fields = fields(workspace);
        String format = options.format().extension() + (options.excelFriendly() ? " (Excel)" : "");
        ExportEvent.Target payload = ExportEvent.Target.file(options.format().extension(), options.excelFriendly(),
                options.raw());
        AtomicDirectory set;
        try {
            set = AtomicDirectory.begin(options.directory(), GoldenExporter::exportFile);
        } catch (IOException e) {
            throw new UserFacingException(de.grw.common.Text.of("export.cannot_prepare", options.directory(),
                    why(e)), e);
        }
        try (set) {
            Snapshot snapshot = selectAndLog(workspace, session, options.includeBlocked(), options.caseRef(),
                    "as " + format, payload);
            ExportResult result = write(set.staging(), options, fields, snapshot);
            set.commit();
            return result;
        } catch (IOException e) {
            LOG.error("export by {} into {} failed after it was logged", session.user(), options.directory(), e);
            throw new UserFacingException(de.grw.common.Text.of("export.cannot_write", options.directory(),
                    why(e)), e);
        }
    }

    private static String why(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The rights an export needs: to export, and to include records under a blocking notice (with a case). */
    static void checkRights(Session session, boolean includeBlocked, String caseRef) {
        session.require(Permission.EXPORT, "export_golden_records");
        de.grw.common.CaseReference.check(caseRef);
        if (includeBlocked) {
            session.require(Permission.EXPORT_BLOCKED, "export_records_under_a_blocking_notice");
            if (caseRef == null || caseRef.isBlank()) {
                throw new UserFacingException(de.grw.common.Text.of("export.blocked_needs_case"));
            }
        }
    }

    /** The profile's fields an export writes: all but the record id, in profile order. */
    static List<String> fields(Workspace workspace) {
        MatchProfile profile = WorkspaceProfile.profile(workspace);
        return profile.fields().stream().filter(f -> f.type() != FieldType.ID).map(FieldSpec::name).toList();
    }

    /**
     * Selects the active golden records to export (leaving out those under a blocking notice unless included) and
     * logs the export in the access log and the journal, in one workspace transaction.
     *
     * @param how     how the export is described in the access log, e.g. {@code as csv}
     * @param payload where the export goes, for the journal entry; the counts and options follow
     */
    static Snapshot selectAndLog(Workspace workspace, Session session, boolean includeBlocked, String caseRef,
                                 String how, ExportEvent.Target payload) {
        String caseText = caseRef == null ? "" : caseRef.strip();
        return workspace.write(c -> {
            List<Golden> all = load(c);
            List<Golden> exported = new ArrayList<>();
            List<String> blockedIds = new ArrayList<>();
            List<Long> recordIds = new ArrayList<>();
            List<Long> blockedRecordIds = new ArrayList<>();
            int leftOut = 0;
            for (Golden g : all) {
                if (g.blocked() && !includeBlocked) {
                    leftOut++;
                    continue;
                }
                exported.add(g);
                g.members().forEach(m -> recordIds.add(m.recordId()));
                if (g.blocked()) {
                    blockedIds.add(g.id());
                    g.members().forEach(m -> blockedRecordIds.add(m.recordId()));
                }
            }
            log(workspace, c, session, caseText, includeBlocked, how, payload, exported.size(), recordIds, leftOut,
                    blockedIds, blockedRecordIds);
            return new Snapshot(exported, leftOut, blockedIds.size(), recordIds.size(), Journal.all(c));
        });
    }

    private static void log(Workspace workspace, Connection c, Session session, String caseRef,
                            boolean includeBlocked, String how, ExportEvent.Target target, int goldenCount,
                            List<Long> recordIds, int leftOut, List<String> blockedIds, List<Long> blockedRecordIds)
            throws SQLException {
        AccessLog.record(c, workspace.now(), session.user(), "EXPORT", caseRef, "export of " + goldenCount
                + (goldenCount == 1 ? " golden record" : " golden records") + " " + how
                + (blockedIds.isEmpty() ? "" : ", including " + blockedIds.size() + " under a blocking notice"),
                recordIds);
        if (!blockedIds.isEmpty()) {
            AccessLog.record(c, workspace.now(), session.user(), "EXPORT_BLOCKED", caseRef,
                    "records under a blocking notice included in an export by " + session.user() + ": "
                            + String.join(", ", blockedIds), blockedRecordIds);
        }
        Journal.append(c, workspace.now(), session.user(), JournalAction.EXPORT, target.with(caseRef, goldenCount,
                recordIds.size(), includeBlocked, leftOut, blockedIds));
        LOG.info("export of {} golden records ({} records) {} by {}, case {}: {} under a blocking notice included, "
                + "{} left out", goldenCount, recordIds.size(), how, session.user(), caseRef.isEmpty() ? "-" : caseRef,
                blockedIds.size(), leftOut);
    }

    /** The rows of the three tables, as the files and the database receive them. */
    static Tables tables(List<String> fields, List<Golden> exported) {
        List<String> goldenHeader = new ArrayList<>();
        goldenHeader.add("golden_id");
        goldenHeader.addAll(fields);
        List<List<Object>> goldenRows = new ArrayList<>();
        List<List<Object>> lineageRows = new ArrayList<>();
        List<List<Object>> memberRows = new ArrayList<>();
        for (Golden g : exported) {
            List<Object> row = new ArrayList<>();
            row.add(g.id());
            for (String f : fields) {
                Value v = g.values().get(f);
                row.add(v == null ? null : v.value());
            }
            goldenRows.add(row);
            for (Value v : ordered(g.values(), fields)) {
                if (v.value() == null && "RECORD".equals(v.origin()) && v.originRecord() == null) {
                    continue; // no record had a value and none was typed: nothing to trace
                }
                lineageRows.add(java.util.Arrays.asList(g.id(), v.field(), v.value(), v.origin(), v.originSource(),
                        v.originKey(), v.originRecord(), v.decisionId()));
            }
            for (Member m : g.members()) {
                memberRows.add(List.of(g.id(), m.source(), m.recordKey(), m.recordId()));
            }
        }
        return new Tables(goldenHeader, goldenRows, lineageRows, memberRows);
    }

    /**
     * Writes the set into {@code staging}.
     *
     * @return the result, naming the files as they will be in the target directory
     */
    private ExportResult write(Path staging, ExportOptions options, List<String> fields, Snapshot s)
            throws IOException {
        Path target = options.directory();
        String ext = "." + options.format().extension();
        List<Path> written = new ArrayList<>();
        Tables t = tables(fields, s.exported());
        writeTable(staging, GOLDEN + ext, options, t.goldenHeader(), t.goldenRows(), written);
        writeTable(staging, LINEAGE + ext, options, LINEAGE_HEADER, t.lineageRows(), written);
        writeTable(staging, MEMBERS + ext, options, MEMBERS_HEADER, t.memberRows(), written);

        // values typed for a blocked person's golden record are masked (redacted entries) unless the export
        // includes the blocked records: the same as the journal screen shows a user who may not see them
        List<JournalEntry> journalLines = options.includeBlocked() ? s.journal()
                : de.grw.review.JournalMasking.forExport(workspace, s.journal());
        files.write(staging.resolve(JOURNAL), out -> JournalFile.write(out, journalLines));
        written.add(target.resolve(JOURNAL));
        String head = s.journal().isEmpty() ? Journal.GENESIS : s.journal().get(s.journal().size() - 1).hash();
        String headText = "entries: " + s.journal().size() + "\nhead: " + head + "\n";
        files.write(staging.resolve(JOURNAL_HEAD), out -> out.write(headText.getBytes(StandardCharsets.UTF_8)));
        written.add(target.resolve(JOURNAL_HEAD));
        String at = workspace.now().toString();
        de.grw.ledger.TreeHead tree = workspace.guard().filter(de.grw.ledger.Ledger.class::isInstance)
                .map(g -> ((de.grw.ledger.Ledger) g).signTreeHead(s.journal(), at))
                .orElseGet(() -> de.grw.ledger.TreeHead.of(s.journal(), at));
        byte[] treeText = (tree.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        files.write(staging.resolve(de.grw.ledger.TreeHead.FILE), out -> out.write(treeText));
        written.add(target.resolve(de.grw.ledger.TreeHead.FILE));
        return new ExportResult(s.exported().size(), s.records(), s.leftOut(), s.blockedIncluded(), written,
                s.journal().size(), head);
    }

    private void writeTable(Path staging, String name, ExportOptions options, List<String> header,
                            List<List<Object>> rows, List<Path> written) throws IOException {
        files.write(staging.resolve(name), out -> TableFile.write(out, options.format(), options.excelFriendly(),
                options.raw(), header, rows));
        written.add(options.directory().resolve(name));
    }

    /** A golden record's values in profile order; fields the profile no longer has follow in stored order. */
    private static List<Value> ordered(Map<String, Value> values, List<String> fields) {
        List<Value> out = new ArrayList<>();
        for (String f : fields) {
            if (values.containsKey(f)) {
                out.add(values.get(f));
            }
        }
        values.forEach((f, v) -> {
            if (!fields.contains(f)) {
                out.add(v);
            }
        });
        return out;
    }

    /** Every ACTIVE golden record with its current members and values, by id. */
    static List<Golden> load(Connection c) throws SQLException {
        Map<String, Golden> golden = new LinkedHashMap<>();
        for (String id : ExportRepository.activeGoldenIds(c)) {
            golden.put(id, new Golden(id, new ArrayList<>(), new LinkedHashMap<>()));
        }
        ExportRepository.eachActiveMember(c, (goldenId, member) -> golden.get(goldenId).members().add(member));
        ExportRepository.eachActiveValue(c, (goldenId, value) -> golden.get(goldenId).values().put(value.field(),
                value));
        return new ArrayList<>(golden.values());
    }
}
