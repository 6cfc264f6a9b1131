package de.grw.api.local;

import de.grw.api.DatabaseImport;
import de.grw.api.AppendResult;
import de.grw.api.FileImport;
import de.grw.api.ImportApi;
import de.grw.api.ImportResult;
import de.grw.api.Upload;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.importing.ImportProblem;
import de.grw.importing.SourceInput;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports through the engine's {@link WorkspaceImporter}. A file of this machine is read in place; other bytes are
 * first copied under their file name into a new folder readable by this user only, and removed after the import.
 */
final class LocalImports implements ImportApi {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalImports.class);
    private final LocalSignedIn signedIn;
    private final WorkspaceImporter importer;
    private final Workspace workspace;

    LocalImports(LocalSignedIn signedIn, Workspace workspace) {
        this.signedIn = signedIn;
        this.workspace = workspace;
        this.importer = new WorkspaceImporter(workspace);
    }

    @Override
    public ImportResult importFile(Upload file, FileImport request, ProgressListener progress,
                                   CancellationToken cancel) {
        var session = signedIn.session();
        Path local = file.localFile().orElse(null);
        if (local != null) {
            return importAt(session, local, request, progress, cancel);
        }
        Path staging = null;
        Path copy = null;
        try {
            staging = Files.createTempDirectory("grw-upload");
            copy = staging.resolve(file.name());
            try (InputStream in = file.open()) {
                Files.copy(in, copy);
            }
            return importAt(session, copy, request, progress, cancel);
        } catch (IOException e) {
            throw new UserFacingException(Text.of("file.cannot_read", file.name(), e.getMessage()), e);
        } finally {
            deleteQuietly(copy);
            deleteQuietly(staging);
        }
    }

    @Override
    public AppendResult appendFile(Upload file, FileImport request, ProgressListener progress,
                                   CancellationToken cancel) {
        var session = signedIn.session();
        if (request.source() == null) {
            throw new UserFacingException(Text.of("workspace.append_no_source", file.name(), ""));
        }
        java.util.function.Function<Path, AppendResult> append = path -> {
            WorkspaceImporter.AppendResult r = importer.appendFile(session, path, request.mapping(),
                    mappingPath(request.mappingName()), request.source(), progress, cancel);
            return new AppendResult(r.source(), r.sourceId(), r.feedId(), r.sha256(), r.imported(), r.appended(),
                    r.keysPresent(), r.problems());
        };
        Path local = file.localFile().orElse(null);
        if (local != null) {
            return append.apply(local);
        }
        Path staging = null;
        Path copy = null;
        try {
            staging = Files.createTempDirectory("grw-upload");
            copy = staging.resolve(file.name());
            try (InputStream in = file.open()) {
                Files.copy(in, copy);
            }
            return append.apply(copy);
        } catch (IOException e) {
            throw new UserFacingException(Text.of("file.cannot_read", file.name(), e.getMessage()), e);
        } finally {
            deleteQuietly(copy);
            deleteQuietly(staging);
        }
    }

    private ImportResult importAt(de.grw.rights.Session session, Path path, FileImport request,
                                  ProgressListener progress, CancellationToken cancel) {
        SourceInput input;
        if (request.source() != null) {
            input = new SourceInput.File(path, request.source(), request.sheet());
        } else {
            input = request.sheet() == null ? SourceInput.file(path, null)
                    : SourceInput.sheet(path, null, request.sheet());
        }
        return result(importer.importSource(session, input, request.mapping(), mappingPath(request.mappingName()),
                progress, cancel));
    }

    @Override
    public ImportResult importDatabase(DatabaseImport request, ProgressListener progress, CancellationToken cancel) {
        var session = signedIn.session();
        return result(importer.importDatabase(session, request.database(), request.mapping(),
                mappingPath(request.mappingName()), request.source(), progress, cancel));
    }

    @Override
    public de.grw.api.ProposalsImport proposals(Path bundle, ProgressListener progress, CancellationToken cancel) {
        var r = new de.grw.workspace.ProposalImporter(workspace).importBundle(signedIn.session(), bundle, progress,
                cancel);
        return new de.grw.api.ProposalsImport(r.runId(), r.records(), r.candidatePairs(), r.threshold(), r.clusters(),
                r.newClusters(), r.unchanged(), r.superseded(), r.pairs(), r.bundleSha256());
    }

    @Override
    public List<ImportProblem> problems(long sourceId, int limit) {
        return importer.problems(signedIn.session(), sourceId, limit);
    }

    private static ImportResult result(WorkspaceImporter.Result r) {
        return new ImportResult(r.source(), r.sourceId(), r.sha256(), r.imported());
    }

    private static Path mappingPath(String name) {
        return name == null ? null : Path.of(name);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("could not remove the staged upload {}", p, e);
            }
        }
    }
}
