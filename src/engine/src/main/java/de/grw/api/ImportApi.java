package de.grw.api;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceInput;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports into the workspace, each as a new source in one transaction: completely or not at all. Content imported
 * before and a source name in use are refused. The front end reads and previews its files itself (the engine's
 * readers); the import takes the file's bytes. Long work: call it off the FX thread, with progress and a
 * cancellation that stops it before anything is stored.
 */
public interface ImportApi {

    /** Imports a file (or one sheet of a workbook). */
    ImportResult importFile(Upload file, FileImport request, ProgressListener progress, CancellationToken cancel);

    /**
     * Appends a daily feed of the same register to the existing source {@code request.source()}: the file must have
     * the source's columns and its record key; a key the source holds already is reported and skipped, never changed
     * (records are kept as imported); a file imported or appended before is refused. One transaction, journalled.
     */
    AppendResult appendFile(Upload file, FileImport request, ProgressListener progress, CancellationToken cancel);

    /** Imports a database table or query. */
    ImportResult importDatabase(DatabaseImport request, ProgressListener progress, CancellationToken cancel);

    /** The problems stored for an imported source in file order, at most {@code limit} (0: all). */
    List<ImportProblem> problems(long sourceId, int limit);

    /**
     * Imports a file or database input as the front ends name them (a file of this machine, or a database source).
     *
     * @param mappingPath the mapping file's path, for messages, or {@code null}
     */
    default ImportResult importSource(SourceInput input, MappingFile mapping, Path mappingPath,
                                      ProgressListener progress, CancellationToken cancel) {
        String mappingName = mappingPath == null ? null : mappingPath.toString();
        if (input instanceof SourceInput.File f) {
            return importFile(Upload.of(f.path()), new FileImport(f.name(), f.sheet(), mapping, mappingName),
                    progress, cancel);
        }
        SourceInput.Database d = (SourceInput.Database) input;
        return importDatabase(new DatabaseImport(d.source(), d.name(), mapping, mappingName), progress, cancel);
    }

    /**
     * Checks a proposal bundle on this machine, without a workspace: everything {@link #proposals} checks but its
     * profile and records (a front end does it before it imports the registers the bundle needs).
     */
    static ProposalsCheck checkProposals(Path bundle) {
        de.grw.workspace.ProposalBundleReader.Bundle b = de.grw.workspace.ProposalBundleReader.read(bundle);
        return new ProposalsCheck(b.clusters().size(), b.pairs().size(), b.sha256());
    }

    /**
     * Loads a Spark job's proposal bundle (a folder, format {@code grw-proposals}; see README, issue 17) for review:
     * checked whole first (version, every file's size and SHA-256, each line), refused with file, line and problem
     * when broken, when matched with another profile, or when its clusters name records the workspace does not hold;
     * then stored as a match run of kind {@code imported}, journalled. Needs the right to run a match.
     * Long work (the bundle is read and checked whole, then stored in one transaction): call it off the FX thread.
     * Progress comes in the phases {@code proposals.check}, {@code proposals.resolve} and {@code proposals.store};
     * a cancellation stops it before the transaction commits, and then nothing is stored.
     */
    default ProposalsImport proposals(Path bundle, ProgressListener progress, CancellationToken cancel) {
        throw new UnsupportedOperationException("importing proposals is not offered here");
    }

    /** {@link #proposals(Path, ProgressListener, CancellationToken)} without progress, not cancelled. */
    default ProposalsImport proposals(Path bundle) {
        return proposals(bundle, ProgressListener.NONE, CancellationToken.NONE);
    }
}
