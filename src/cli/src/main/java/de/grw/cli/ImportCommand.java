package de.grw.cli;

import de.grw.api.AppendResult;
import de.grw.api.ImportApi;
import de.grw.api.ImportResult;
import de.grw.common.CancellationToken;
import de.grw.importing.ImportedSource;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw import}: imports record files and database tables into a workspace, each as a new source. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports record files (CSV, JSON, JSON Lines, Excel) and database tables or queries (a JDBC "
                + "URL followed by --table NAME or --query SQL) into the workspace, each as a source named after "
                + "the file or table (or --as NAME). Each is imported in one transaction: completely or not at "
                + "all. Content imported before or a source name in use is refused.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @Mixin
    SourceOptions sources;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file overriding the automatic column "
            + "mapping (see README).")
    Path mapping;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary per source.")
    boolean quiet;

    @Option(names = "--append-to", paramLabel = "SOURCE", description = "Append the file (a daily feed of the same "
            + "register) to this existing source instead of importing it as a new one: only new rows are stored; a "
            + "record key the source holds already is reported and skipped, never changed.")
    String appendTo;

    @Override
    public Integer call() {
        if (sources.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'INPUT' (a "
                    + "file, or a JDBC URL with --table or --query)");
        }
        if (options.remote() && sources.anyDatabase()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a workspace server imports files only: "
                    + "it does not connect to databases a client names (import the table into a file first, or "
                    + "run the import on the server's machine against its workspace)");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (appendTo != null) {
            return append(out);
        }
        MappingFile mappingFile = mapping == null ? MappingFile.NONE : MappingFile.load(mapping);
        List<de.grw.common.Text> sheetNotes = new ArrayList<>();
        List<SourceInput> inputs = de.grw.importing.SourceImporter.expandSheets(sources.resolve(), sources.allSheets,
                mappingFile, mapping, sheetNotes);
        sheetNotes.forEach(n -> out.println("note: " + n.english()));
        try (Login login = options.login()) {
            ImportApi imports = login.signedIn().imports();
            int done = 0;
            for (SourceInput input : inputs) {
                ImportResult r;
                try {
                    r = imports.importSource(input, mappingFile, mapping, new ConsoleProgress(out, quiet),
                            CancellationToken.NONE);
                } catch (RuntimeException e) {
                    if (done > 0) {
                        out.println(done + " of " + inputs.size() + " inputs were imported before this failure; "
                                + "they stay in the workspace");
                    }
                    throw e;
                }
                done++;
                ImportedSource s = r.imported();
                if (!quiet && s.mapping() != null) {
                    out.println("Column mapping of " + r.source() + ":");
                    s.mapping().describe().forEach(out::println);
                }
                s.warnings().forEach(w -> out.println("  note: " + w));
                out.printf("source %s: %,d records imported from %,d rows; %,d rows rejected, %,d values not usable "
                        + "(%s)%n", r.source(), s.recordsImported(), s.rowsRead(), s.rowsRejected(), s.invalidValues(),
                        s.format().describe());
            }
        }
        return 0;
    }

    private int append(PrintWriter out) {
        List<SourceInput> inputs = sources.resolve();
        if (inputs.size() != 1 || !(inputs.get(0) instanceof SourceInput.File file) || file.sheet() != null
                || sources.allSheets) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--append-to takes one file (no database "
                    + "input, no sheets): the feed to append to source '" + appendTo + "'");
        }
        MappingFile mappingFile = mapping == null ? MappingFile.NONE : MappingFile.load(mapping);
        try (Login login = options.login()) {
            AppendResult r = login.signedIn().imports().appendFile(de.grw.api.Upload.of(file.path()),
                    new de.grw.api.FileImport(appendTo, null, mappingFile, mapping == null ? null : mapping.toString()),
                    new ConsoleProgress(out, quiet), CancellationToken.NONE);
            ImportedSource s = r.imported();
            for (de.grw.importing.ImportProblem p : r.problems()) {
                if (!quiet && p.kind() == de.grw.importing.ImportProblem.Kind.REJECTED_ROW) {
                    out.printf("  %s, line %d: %s%n", p.file(), p.line(), p.message());
                }
            }
            out.printf("source %s: %,d records appended from %,d rows of %s; %,d keys present already (skipped, "
                    + "unchanged), %,d rows rejected, %,d values not usable%n", r.source(), r.appended(),
                    s.rowsRead(), file.path().getFileName(), r.keysPresent(), s.rowsRejected(), s.invalidValues());
            out.println("  next: grw match --workspace " + login.file() + " --user " + login.signedIn().user()
                    + " (compares only the new records with the active model)");
        }
        return 0;
    }
}
