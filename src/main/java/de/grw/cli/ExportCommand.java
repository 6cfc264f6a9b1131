package de.grw.cli;

import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.export.ExportResult;
import de.grw.export.GoldenExporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw export}: writes the approved golden records, their lineage and the journal. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the approved golden records into a directory: golden_records, lineage (each "
                + "value's origin) and members as CSV or JSON Lines, and the journal (journal.jsonl, "
                + "journal.head). Golden records with a record under a blocking notice are left out unless "
                + "--include-blocked (supervisors; needs --case). Every export is logged in the access log "
                + "and the journal.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Target directory (created if "
            + "missing; files of the same names are replaced).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or jsonl. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--excel", description = "CSV for German Excel: UTF-8 with byte order mark, ';' as separator.")
    boolean excel;

    @Option(names = "--include-blocked", description = "Also export golden records under a blocking notice "
            + "(supervisors; logged).")
    boolean includeBlocked;

    @Option(names = "--case", paramLabel = "AZ", description = "Case reference (Aktenzeichen) for the logs.")
    String caseRef;

    @Override
    public Integer call() {
        ExportOptions exportOptions;
        try {
            exportOptions = new ExportOptions(ExportFormat.parse(format), excel, includeBlocked, caseRef, out);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        try (Login login = options.login()) {
            ExportResult r = new GoldenExporter(login.workspace()).export(login.session(), exportOptions);
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
            w.println("keep the head hash apart from the export: 'grw verify --journal FILE --expect-head HASH' "
                    + "then also detects entries cut off at the end");
        }
        return 0;
    }

    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
