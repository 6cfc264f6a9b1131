package de.grw.cli;

import de.grw.api.DatabaseExport;
import de.grw.api.DatabaseExportResult;
import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.export.ExportResult;
import de.grw.importing.db.ConnectionSettings;
import de.grw.importing.db.Databases;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw export}: writes the approved golden records, their lineage and the journal; or into database tables. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the approved golden records into a directory (--out): golden_records, lineage (each "
                + "value's origin) and members as CSV or JSON Lines, and the journal (journal.jsonl, "
                + "journal.head); or into database tables (--jdbc URL --table NAME): the golden table, "
                + "NAME_lineage and NAME_members, created (--mode create) or appended to (--mode append), in one "
                + "transaction. Golden records with a record under a blocking notice are left out unless "
                + "--include-blocked (supervisors; needs --case). Every export is logged in the access log "
                + "and the journal.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Target directory (created if "
            + "missing; files of the same names are replaced).")
    Path out;

    @Option(names = "--jdbc", paramLabel = "URL", description = "Export into this database instead "
            + "(jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB), with --table.")
    String jdbc;

    @Option(names = "--connection", paramLabel = "NAME", description = "Export into the database of a saved "
            + "connection (URL and user; see 'import --save-connection').")
    String connection;

    @Option(names = "--table", paramLabel = "NAME", description = "Golden table (or schema.table) in the database.")
    String table;

    @Option(names = "--lineage-table", paramLabel = "NAME", description = "Lineage table. Default: "
            + "<table>_lineage.")
    String lineageTable;

    @Option(names = "--members-table", paramLabel = "NAME", description = "Members table. Default: "
            + "<table>_members.")
    String membersTable;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "create", description = "create (the tables must "
            + "not exist) or append (to existing tables whose columns fit). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--db-user", paramLabel = "NAME", description = "Database user. The password is read from "
            + "the environment variable GRW_DB_PASSWORD, else asked for.")
    String dbUser;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or jsonl. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--excel", description = "CSV for German Excel: UTF-8 with byte order mark, ';' as separator.")
    boolean excel;

    @Option(names = "--raw", description = "CSV cells exactly as stored, for programs. By default a cell that a "
            + "spreadsheet could run as a formula (beginning with = + - @, a tab or a carriage return, except plain "
            + "numbers) gets a leading apostrophe.")
    boolean raw;

    @Option(names = "--include-blocked", description = "Also export golden records under a blocking notice "
            + "(supervisors; logged).")
    boolean includeBlocked;

    @Option(names = "--case", paramLabel = "AZ", description = "Case reference (Aktenzeichen) for the logs.")
    String caseRef;

    @Override
    public Integer call() {
        if (jdbc != null || connection != null) {
            return toDatabase();
        }
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR' (or "
                    + "export into a database with --jdbc URL --table NAME)");
        }
        if (table != null || lineageTable != null || membersTable != null || dbUser != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--table, --lineage-table, --members-table "
                    + "and --db-user belong to an export into a database (--jdbc URL)");
        }
        ExportOptions exportOptions;
        try {
            exportOptions = new ExportOptions(ExportFormat.parse(format), excel, includeBlocked, caseRef, out,
                    raw);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        try (Login login = options.login()) {
            ExportResult r = login.signedIn().export().toFiles(exportOptions);
            w.printf("exported %s (%s)%n", count(r.goldenRecords(), "golden record"), count(r.records(),
                    "source record"));
            if (r.blockedLeftOut() > 0) {
                w.printf("left out %s under a blocking notice (a supervisor may include them with "
                        + "--include-blocked --case AZ)%n", count(r.blockedLeftOut(), "golden record"));
            }
            if (r.blockedIncluded() > 0) {
                w.printf("included %s under a blocking notice (logged)%n", count(r.blockedIncluded(),
                        "golden record"));
            }
            r.files().forEach(f -> w.println("  " + f));
            w.printf("journal: %,d entries, head %s%n", r.journalEntries(), r.journalHead());
            w.println("keep journal.treehead.json (or the head hash) apart from the export: 'grw verify --journal "
                    + "FILE --head journal.treehead.json' (or --expect-head HASH) then proves that a later journal "
                    + "extends it, and detects entries cut off at the end");
        }
        return 0;
    }

    private int toDatabase() {
        if (options.remote()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a workspace server exports into files only "
                    + "(--out DIR, written on this machine): it does not connect to databases a client names");
        }
        if (out != null || excel || raw || !"csv".equals(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out, --format, --excel and --raw belong "
                    + "to an export into files; a database export takes --jdbc URL (or --connection NAME) and --table");
        }
        if (jdbc != null && connection != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --jdbc URL or --connection NAME");
        }
        String url = jdbc;
        String user = dbUser;
        String golden = table;
        if (connection != null) {
            ConnectionSettings saved = SourceOptions.store(spec).get(connection);
            url = saved.url();
            user = user != null ? user : saved.user();
        }
        if (golden == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--table=NAME' "
                    + "(the golden table to create or append to)");
        }
        boolean append = append(mode);
        PrintWriter w = spec.commandLine().getOut();
        try (Login login = options.login()) {
            char[] password = Passwords.database(spec, url, user);
            try {
                DatabaseExport target = new DatabaseExport(url, user, password, golden, lineageTable, membersTable,
                        append, includeBlocked, caseRef);
                DatabaseExportResult r = login.signedIn().export().toDatabase(target);
                w.printf("exported %s (%s) into %s%n", count(r.goldenRecords(), "golden record"), count(r.records(),
                        "source record"), Databases.safeUrl(url));
                if (r.blockedLeftOut() > 0) {
                    w.printf("left out %s under a blocking notice (a supervisor may include them with "
                            + "--include-blocked --case AZ)%n", count(r.blockedLeftOut(), "golden record"));
                }
                if (r.blockedIncluded() > 0) {
                    w.printf("included %s under a blocking notice (logged)%n", count(r.blockedIncluded(),
                            "golden record"));
                }
                for (int i = 0; i < r.tables().size(); i++) {
                    w.printf("  table %s: %s %s%n", r.tables().get(i), count(r.rows().get(i), "row"),
                            append ? "appended" : "(created)");
                }
            } finally {
                Passwords.wipe(password);
            }
        }
        return 0;
    }

    /** {@code --mode}: create (false) or append (true), in any case. */
    private boolean append(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "create" -> false;
            case "append" -> true;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown mode '" + text
                    + "' (create, append)");
        };
    }

    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
