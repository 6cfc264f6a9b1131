package de.grw.cli;

import de.grw.api.ImportApi;
import de.grw.api.ImportResult;
import de.grw.api.ProposalsCheck;
import de.grw.api.ProposalsImport;
import de.grw.common.CancellationToken;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grw import-proposals}: a Spark job's proposal bundle into the review queue (issue 17). */
@Command(name = "import-proposals", mixinStandardHelpOptions = true,
        description = "Loads a Spark job's proposal bundle (the folder its --out wrote) into the workspace for "
                + "review, as a match run of kind 'imported': its clusters enter the review queue beside those of "
                + "local runs. The bundle is checked whole first (version, each file's size and SHA-256, every "
                + "line); a broken bundle, one matched with another profile, or one whose clusters name records the "
                + "workspace does not hold is refused with file, line and problem, and nothing is stored. Needs the "
                + "right to run a match.")
final class ImportProposalsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle folder.")
    Path bundle;

    @Option(names = "--with", paramLabel = "FILE", description = "A record file the job read that the workspace "
            + "does not hold yet: imported as a new source (named after the file) after the bundle checked out and "
            + "before it is loaded. Repeatable.")
    List<Path> with = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // checked here first, so that no source is imported for a bundle that is then refused as broken
        ProposalsCheck checked = ImportApi.checkProposals(bundle);
        out.printf("bundle %s checked: %,d clusters, %,d pairs inside them, manifest SHA-256 %s%n", bundle,
                checked.clusters(), checked.pairs(), checked.bundleSha256());
        try (Login login = options.login()) {
            ImportApi imports = login.signedIn().imports();
            for (Path file : with) {
                ImportResult r = imports.importSource(SourceInput.file(file), MappingFile.NONE, null,
                        de.grw.common.ProgressListener.NONE, CancellationToken.NONE);
                out.printf("source %s: %,d records imported%n", r.source(), r.imported().recordsImported());
            }
            ProposalsImport r = imports.proposals(bundle);
            out.printf("run %d (imported): %,d records, %,d candidate pairs, threshold %s; %,d clusters: %,d new in "
                    + "the queue, %,d unchanged, %,d superseded; %,d pairs with explanations%n", r.runId(), r.records(),
                    r.candidatePairs(), r.threshold(), r.clusters(), r.newClusters(), r.unchanged(), r.superseded(),
                    r.pairs());
        }
        return 0;
    }
}
