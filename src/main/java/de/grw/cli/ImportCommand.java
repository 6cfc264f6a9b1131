package de.grw.cli;

import de.grw.common.CancellationToken;
import de.grw.importing.ImportedSource;
import de.grw.importing.MappingFile;
import de.grw.workspace.WorkspaceImporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grw import}: imports record files into a workspace, each as a new source. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports record files (CSV, JSON, JSON Lines, Excel) into the workspace, each as a source "
                + "named after the file. Each file is imported in one transaction: completely or not at "
                + "all. A file imported before (same content) or a source name in use is refused.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file overriding the automatic column "
            + "mapping (see README).")
    Path mapping;

    @Option(names = "--as", paramLabel = "NAME", description = "Source name (only with one file). Default: the file "
            + "name without extension.")
    String sourceName;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary per file.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Override
    public Integer call() {
        if (sourceName != null && files.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--as names one source; import the files "
                    + "one by one to name each");
        }
        PrintWriter out = spec.commandLine().getOut();
        MappingFile mappingFile = mapping == null ? MappingFile.NONE : MappingFile.load(mapping);
        try (Login login = options.login()) {
            WorkspaceImporter importer = new WorkspaceImporter(login.workspace());
            int done = 0;
            for (Path file : files) {
                WorkspaceImporter.Result r;
                try {
                    r = importer.importFile(login.session(), file, mappingFile, mapping, sourceName,
                            new ConsoleProgress(out, quiet), CancellationToken.NONE);
                } catch (RuntimeException e) {
                    if (done > 0) {
                        out.println(done + " of " + files.size() + " files were imported before this failure; "
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
}
