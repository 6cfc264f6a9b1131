package de.grw.api.remote;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.api.DatabaseExport;
import de.grw.api.DatabaseExportResult;
import de.grw.api.DatabaseImport;
import de.grw.api.ExportApi;
import de.grw.api.FileImport;
import de.grw.api.ImportApi;
import de.grw.api.ImportResult;
import de.grw.api.MatchRun;
import de.grw.api.MatchingApi;
import de.grw.api.ThresholdFigures;
import de.grw.api.Upload;
import de.grw.common.AtomicDirectory;
import de.grw.common.CancellationToken;
import de.grw.common.CancelledException;
import de.grw.common.ProgressListener;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.export.ExportResult;
import de.grw.importing.ImportProblem;
import de.grw.importing.ImportedSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Imports, match runs and exports through the server. The work runs on the server as the signed-in user; these
 * calls wait for it (up to {@link #LONG_WORK}). Progress is not reported over HTTP, and a cancellation is honoured
 * only before the request is sent: once the server has the request it completes or refuses it as a whole.
 * <ul>
 * <li>An import uploads the file's bytes ({@code POST /api/v1/imports}).</li>
 * <li>An export ({@code POST /api/v1/exports}) comes back as a zip of the export set, written here into the
 * directory of the {@link ExportOptions}: all files first beside their targets, then moved into place, so that a
 * failed export leaves the previous set.</li>
 * <li>The constraints for the Spark job ({@code POST /api/v1/constraint-exports}) come back as the file's JSON,
 * checked as the job reads it and written atomically where the user asked.</li>
 * <li>Database imports and exports are not offered by a server: the server would connect to whatever JDBC URL a
 * client names, with its own account.</li>
 * </ul>
 */
final class RemoteData {
    /** How long an import, a match run or an export may take before this client stops waiting. */
    static final Duration LONG_WORK = Duration.ofHours(6);
    private final Transport http;
    private final Supplier<String> token;

    RemoteData(Transport http, Supplier<String> token) {
        this.http = http;
        this.token = token;
    }

    private static void checkCancel(CancellationToken cancel) {
        if (cancel != null && cancel.isCancelled()) {
            throw new CancelledException();
        }
    }

    private UserFacingException notOffered(String operation) {
        return new UserFacingException(Text.of("remote.not_offered", operation, http.base()));
    }

    final ImportApi imports = new ImportApi() {
        @Override
        public ImportResult importFile(Upload file, FileImport request, ProgressListener progress,
                                       CancellationToken cancel) {
            String t = token.get();
            checkCancel(cancel);
            String header;
            try {
                header = Base64.getUrlEncoder().withoutPadding().encodeToString(http.json.writeValueAsString(
                        request == null ? new FileImport(null, null, null, null) : request)
                        .getBytes(StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the import request", e);
            }
            JsonNode r = http.upload("/api/v1/imports?" + Transport.query("file", file.name()), t, file, LONG_WORK,
                    "X-Import-Request", header);
            ImportResult result = http.read(r, ImportResult.class);
            ImportedSource i = result.imported();
            // the file as this client named it (the server answers without its staging path)
            return new ImportResult(result.source(), result.sourceId(), result.sha256(), i == null ? null
                    : new ImportedSource(i.name(), Path.of(file.name()), i.format(), i.mapping(), i.rowsRead(),
                            i.recordsImported(), i.rowsRejected(), i.invalidValues(), i.warnings(),
                            i.contentSha256()));
        }

        @Override
        public de.grw.api.AppendResult appendFile(Upload file, FileImport request, ProgressListener progress,
                                                  CancellationToken cancel) {
            token.get();
            throw notOffered("ImportApi.appendFile");
        }

        @Override
        public ImportResult importDatabase(DatabaseImport request, ProgressListener progress,
                                           CancellationToken cancel) {
            token.get();
            throw notOffered("ImportApi.importDatabase");
        }

        /**
         * Checks the bundle here first (the engine's checks that need no workspace: a broken bundle is refused with
         * this machine's file, line and problem, and nothing is sent), then zips the bundle folder (its files,
         * relative paths) and uploads it ({@code POST /api/v1/proposal-bundles}); the server checks it again and
         * loads it. A cancellation is honoured until the upload starts.
         */
        @Override
        public de.grw.api.ProposalsImport proposals(Path bundle, ProgressListener progress,
                                                    CancellationToken cancel) {
            String t = token.get();
            if (!Files.isDirectory(bundle)) {
                throw new UserFacingException(Text.of("bundle.not_folder", bundle));
            }
            progress.progress("proposals.check", 0, -1);
            ImportApi.checkProposals(bundle);
            checkCancel(cancel);
            Path zip = null;
            try {
                zip = Files.createTempFile("grw-bundle", ".zip");
                try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
                     var files = Files.walk(bundle)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        checkCancel(cancel);
                        out.putNextEntry(new ZipEntry(bundle.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
                checkCancel(cancel);
                progress.progress("proposals.upload", 0, -1);
                JsonNode r = http.upload("/api/v1/proposal-bundles", t, Upload.of(zip), LONG_WORK);
                return http.read(r, de.grw.api.ProposalsImport.class);
            } catch (IOException e) {
                throw new UserFacingException(bundle + ": cannot be packed for the server: " + e.getMessage(), e);
            } finally {
                if (zip != null) {
                    try {
                        Files.deleteIfExists(zip);
                    } catch (IOException ignored) {
                        // a temporary file
                    }
                }
            }
        }

        @Override
        public List<ImportProblem> problems(long sourceId, int limit) {
            return http.readList(http.get("/api/v1/sources/" + sourceId + "/problems?limit=" + Math.max(0, limit),
                    token.get()), ImportProblem.class);
        }
    };

    final MatchingApi matching = new MatchingApi() {
        @Override
        public MatchRun run(Double threshold, boolean reestimate, ProgressListener progress,
                            CancellationToken cancel) {
            String t = token.get();
            checkCancel(cancel);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("threshold", threshold);
            body.put("reestimate", reestimate);
            return http.read(http.send("POST", "/api/v1/match-runs", t, body, LONG_WORK), MatchRun.class);
        }

        @Override
        public List<Double> weakestLinks(long runId) {
            return http.readList(http.get("/api/v1/match-runs/" + runId + "/weakest-links", token.get()),
                    Double.class);
        }

        @Override
        public ThresholdFigures thresholdFigures(long runId) {
            return http.read(http.get("/api/v1/match-runs/" + runId + "/threshold-figures", token.get()),
                    ThresholdFigures.class);
        }
    };

    final de.grw.api.ModelsApi models = new de.grw.api.ModelsApi() {
        @Override
        public List<de.grw.versions.ModelVersionView> list() {
            return http.readList(http.get("/api/v1/models", token.get()), de.grw.versions.ModelVersionView.class);
        }

        @Override
        public de.grw.versions.ModelVersionView train(ProgressListener progress, CancellationToken cancel) {
            String t = token.get();
            checkCancel(cancel);
            return http.read(http.send("POST", "/api/v1/models", t, Map.of(), LONG_WORK),
                    de.grw.versions.ModelVersionView.class);
        }

        @Override
        public de.grw.versions.ModelVersionView activate(int version, String comment) {
            return change(version, "activation", comment);
        }

        @Override
        public de.grw.versions.ModelVersionView revert(int version, String comment) {
            return change(version, "reversion", comment);
        }

        private de.grw.versions.ModelVersionView change(int version, String what, String comment) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("comment", comment == null ? "" : comment);
            return http.read(http.post("/api/v1/models/" + version + "/" + what, token.get(), body),
                    de.grw.versions.ModelVersionView.class);
        }
    };

    final ExportApi export = new ExportApi() {
        @Override
        public ExportResult toFiles(ExportOptions options) {
            String t = token.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("format", options.format().name());
            body.put("excel", options.excelFriendly());
            body.put("raw", options.raw());
            body.put("includeBlocked", options.includeBlocked());
            body.put("caseRef", options.caseRef().isEmpty() ? null : options.caseRef());
            Path directory = options.directory();
            AtomicDirectory set;
            try {
                // the target is checked before the server exports (and logs), as a local export checks it
                set = AtomicDirectory.begin(directory, RemoteData::exportFile);
            } catch (IOException e) {
                throw new UserFacingException(Text.of("export.cannot_prepare", directory, e.getMessage()), e);
            }
            try (set) {
                HttpResponse<InputStream> r = http.download("/api/v1/exports", t, body, LONG_WORK);
                try (InputStream in = r.body()) {
                    ExportResult announced = announced(r.headers().firstValue("X-Export-Result").orElse(""));
                    List<Path> files = unpack(in, announced, set.staging(), directory);
                    set.commit();
                    return new ExportResult(announced.goldenRecords(), announced.records(),
                            announced.blockedLeftOut(), announced.blockedIncluded(), files,
                            announced.journalEntries(), announced.journalHead());
                }
            } catch (IOException e) {
                throw new UserFacingException(Text.of("export.cannot_write", directory, e.getMessage()), e);
            }
        }

        @Override
        public DatabaseExportResult toDatabase(DatabaseExport target) {
            token.get();
            throw notOffered("ExportApi.toDatabase");
        }

        /**
         * {@code POST /api/v1/constraint-exports}: the server's engine checks the right and logs the export; the
         * answer is checked as the Spark job reads a constraints file and then written here atomically. The
         * target's purpose goes along (the server records its client's address itself).
         */
        @Override
        public de.grw.api.ConstraintsExport constraints(Path out, String caseRef,
                                                        de.grw.api.ConstraintsTarget target) {
            String t = token.get();
            Map<String, String> body = new java.util.LinkedHashMap<>();
            if (caseRef != null && !caseRef.isBlank()) {
                body.put("caseRef", caseRef);
            }
            if (target != null && target.purpose() != null && !target.purpose().isBlank()) {
                body.put("purpose", target.purpose());
            }
            JsonNode answer = http.send("POST", "/api/v1/constraint-exports", t, body, LONG_WORK);
            Path parent = out.toAbsolutePath().getParent();
            Path received = null;
            try {
                Files.createDirectories(parent);
                received = Files.createTempFile(parent, out.getFileName().toString(), ".received");
                http.json.writeValue(received.toFile(), answer);
                de.grw.workspace.MatchConstraints c;
                try {
                    c = de.grw.workspace.MatchConstraints.read(received);
                } catch (UserFacingException e) {
                    throw new UserFacingException(Text.of("remote.bad_answer", http.base(), e.getMessage()), e);
                }
                c.write(out);
                return new de.grw.api.ConstraintsExport(c.mustLink().size(),
                        c.mustLink().stream().mapToInt(List::size).sum(), c.cannotLink().size());
            } catch (IOException e) {
                throw new UserFacingException(out + ": cannot write the constraints: " + e.getMessage(), e);
            } finally {
                if (received != null) {
                    try {
                        Files.deleteIfExists(received);
                    } catch (IOException ignored) {
                        // a temporary file
                    }
                }
            }
        }
    };

    /** The files of an export set, of any format (what a previous export left in the folder). */
    private static boolean exportFile(String name) {
        for (String table : List.of("golden_records", "lineage", "members")) {
            for (ExportFormat f : ExportFormat.values()) {
                if (name.equals(table + "." + f.extension())) {
                    return true;
                }
            }
        }
        return name.equals("journal.jsonl") || name.equals("journal.head") || name.equals("journal.treehead.json");
    }

    private ExportResult announced(String header) {
        try {
            return http.json.readValue(Base64.getUrlDecoder().decode(header), ExportResult.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException(Text.of("remote.bad_answer", http.base(), "no export result"), e);
        }
    }

    /** Writes the zip's files (exactly those announced, by plain name) into the staging folder. */
    private List<Path> unpack(InputStream body, ExportResult announced, Path staging, Path directory)
            throws IOException {
        List<String> names = new ArrayList<>();
        for (Path p : announced.files()) {
            names.add(p.getFileName().toString());
        }
        List<String> seen = new ArrayList<>();
        ZipInputStream zip = new ZipInputStream(body);
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            String name = e.getName();
            if (!names.contains(name) || seen.contains(name) || !exportFile(name)) {
                throw new UserFacingException(Text.of("remote.bad_answer", http.base(),
                        "unexpected file '" + name + "' in the export"));
            }
            seen.add(name);
            Files.copy(zip, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!seen.containsAll(names)) {
            throw new UserFacingException(Text.of("remote.bad_answer", http.base(), "the export is incomplete"));
        }
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            files.add(directory.resolve(name));
        }
        return files;
    }
}
