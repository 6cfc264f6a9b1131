package de.grw.server.http;

import static de.grw.server.http.Api.actor;
import static de.grw.server.http.Api.body;
import static de.grw.server.http.Api.json;
import static de.grw.server.http.Api.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.grw.api.ApiJson;
import de.grw.api.FileImport;
import de.grw.api.ImportResult;
import de.grw.api.SignedIn;
import de.grw.api.Upload;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.Text;
import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.export.ExportResult;
import de.grw.importing.ImportedSource;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.server.http.Api.Route;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The routes that move data in and out of the workspace: an import of an uploaded file, its problems, a match run
 * and an export.
 * <ul>
 * <li><b>Import</b>: {@code POST /api/v1/imports?file=NAME} with the file's bytes as the body
 * ({@code application/octet-stream}, at most {@link #MAX_UPLOAD} bytes) and, optionally, the {@link FileImport}
 * (source name, sheet, mapping) as base64url JSON in the header {@code X-Import-Request}. The bytes are staged in a
 * folder of the server's account only, imported in one transaction, and removed. The answer never names the
 * staged path. A database import through the server is not offered: the server would connect to any JDBC URL a
 * client names (with {@code jdbc:sqlite:} even open its own files).</li>
 * <li><b>Export</b>: {@code POST /api/v1/exports} writes the export set into a fresh staging folder of the server
 * and streams it to the client as a zip ({@code application/zip}); what the export wrote (counts, file names,
 * journal head) comes in the header {@code X-Export-Result} as base64url JSON. The client writes the files where
 * its user asked. Decision: a stream rather than a folder of the server, because the clerk or supervisor who
 * exports needs the files at their own workstation, and the server's folders are the service account's alone. An
 * export into a database through the server is not offered, for the same reason as the database import.</li>
 * <li><b>Proposals</b>: {@code POST /api/v1/proposal-bundles} with a Spark job's proposal bundle as a zip of its
 * folder ({@code application/zip}, at most {@link #MAX_UPLOAD} bytes, entries only inside the folder): unpacked into
 * a staging folder of the server's account, checked and loaded for review as the engine does for a file
 * ({@code grw import-proposals}), and removed; messages name the bundle's files relative to the bundle.</li>
 * <li><b>Constraints</b>: {@code POST /api/v1/constraint-exports} answers the workspace's must-links and
 * cannot-links as the constraints file for the Spark job ({@code grw-constraints} version 1, JSON), written by the
 * engine into a staging folder of the server's account and streamed; the engine checks the right to run a match and
 * logs the export in the access log with the records it names and the case reference (required: body {@code caseRef},
 * header {@code X-Case-Reference} or parameter {@code caseRef}), and appends a journal entry
 * ({@code constraints.exported}: the counts, the case reference, the client's address and the body's
 * {@code purpose}, what the client says the file is for). A POST, because it is logged.</li>
 * <li><b>Match</b>: {@code POST /api/v1/match-runs} runs on the server as the session's user and answers when it
 * is done (no progress over HTTP).</li>
 * </ul>
 * The rights are the engine's; the import and export check the permission before reading or writing bytes only so
 * that a user without it cannot fill the server's disk (the engine checks again).
 */
final class DataRoutes implements Api.RouteGroup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataRoutes.class);
    /** The largest upload the server accepts (2 GiB). */
    static final long MAX_UPLOAD = 2L * 1024 * 1024 * 1024;
    /** The header of an import's request (base64url JSON of a {@link FileImport}). */
    static final String IMPORT_HEADER = "X-Import-Request";
    /** The header of an export's result (base64url JSON of an {@link ExportResult} with file names only). */
    static final String EXPORT_HEADER = "X-Export-Result";

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.POST, "/api/v1/imports", true, this::importFile),
                new Route(HandlerType.GET, "/api/v1/sources/{id}/problems", true, this::problems),
                new Route(HandlerType.POST, "/api/v1/match-runs", true, this::match),
                new Route(HandlerType.GET, "/api/v1/match-runs/{id}/weakest-links", true, this::weakestLinks),
                new Route(HandlerType.GET, "/api/v1/match-runs/{id}/threshold-figures", true,
                        this::thresholdFigures),
                new Route(HandlerType.POST, "/api/v1/exports", true, this::export),
                new Route(HandlerType.POST, "/api/v1/proposal-bundles", true, this::proposals),
                new Route(HandlerType.POST, "/api/v1/constraint-exports", true, this::constraints));
    }

    // ---- import ----

    private void importFile(Context ctx) throws IOException {
        SignedIn user = actor(ctx).signedIn();
        require(user, Permission.IMPORT, "import_records");
        String name = ctx.queryParam("file");
        if (name == null || name.isBlank()) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'file' (the file's name) is required"));
        }
        Upload.of(name.strip(), new byte[0]); // checks the name: a plain file name, no folder
        FileImport request = importRequest(ctx.header(IMPORT_HEADER));
        Path staging = stagingFolder("grw-import");
        try {
            Path file = staging.resolve(name.strip());
            long size;
            try (InputStream in = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(file)) {
                size = copyAtMost(in, out, MAX_UPLOAD);
            }
            if (size < 0) {
                throw new ApiProblem(413, Text.of("server.bad_request", "the file is larger than "
                        + MAX_UPLOAD + " bytes"));
            }
            ImportResult r = user.imports().importFile(Upload.of(file), request, ProgressListener.NONE,
                    CancellationToken.NONE);
            ctx.status(201);
            json(ctx, withoutStagingPath(r, staging));
        } finally {
            deleteTree(staging);
        }
    }

    private static FileImport importRequest(String header) {
        if (header == null || header.isBlank()) {
            return new FileImport(null, null, null, null);
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(header.strip());
            // the API's own form of the value (the client writes it so); its mapping is checked by the import
            FileImport r = ApiJson.mapper().readValue(new String(json, StandardCharsets.UTF_8), FileImport.class);
            if (r == null) {
                throw new ApiProblem(400, Text.of("server.bad_request", IMPORT_HEADER + " is null"));
            }
            return r;
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, Text.of("server.bad_request", IMPORT_HEADER + " is no base64url text"));
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, Text.of("server.bad_request", IMPORT_HEADER + " is no import request: "
                    + e.getOriginalMessage()));
        }
    }

    /** The result as the client sees it: never the server's staging folder (the client knows its file's name). */
    private static ImportResult withoutStagingPath(ImportResult r, Path staging) {
        ImportedSource s = r.imported();
        String hidden = staging.toString();
        List<String> warnings = s.warnings().stream().map(w -> w.replace(hidden + java.io.File.separator, "")
                .replace(hidden, "")).toList();
        // no path at all: JSON would carry a path as an absolute URI, naming the server's folders
        ImportedSource shown = new ImportedSource(s.name(), null, s.format(), s.mapping(), s.rowsRead(),
                s.recordsImported(), s.rowsRejected(), s.invalidValues(), warnings, s.contentSha256());
        return new ImportResult(r.source(), r.sourceId(), r.sha256(), shown);
    }

    /** {@code GET /api/v1/sources/{id}/problems?limit=100}: the problems stored for an imported source. */
    private void problems(Context ctx) {
        long id = whole(ctx.pathParam("id"), "id", -1);
        long limit = whole(ctx.queryParam("limit"), "limit", 0);
        if (limit < 0 || limit > Integer.MAX_VALUE) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'limit' must be 0 (all) or more"));
        }
        json(ctx, actor(ctx).signedIn().imports().problems(id, (int) limit));
    }

    // ---- match ----

    /** {@code POST /api/v1/match-runs}: {@code {"threshold": null}} for the profile's threshold. */
    record MatchRequest(Double threshold, Boolean reestimate) {
    }

    private void match(Context ctx) throws JsonProcessingException {
        MatchRequest req = ctx.body().isBlank() ? new MatchRequest(null, null) : body(ctx, MatchRequest.class);
        if (req.threshold() != null && !(req.threshold() > 0 && req.threshold() < 1)) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'threshold' must lie between 0 and 1"));
        }
        ctx.status(201);
        json(ctx, actor(ctx).signedIn().matching().run(req.threshold(), Boolean.TRUE.equals(req.reestimate()),
                ProgressListener.NONE,
                CancellationToken.NONE));
    }

    private void weakestLinks(Context ctx) {
        json(ctx, actor(ctx).signedIn().matching().weakestLinks(whole(ctx.pathParam("id"), "id", -1)));
    }

    private void thresholdFigures(Context ctx) {
        json(ctx, actor(ctx).signedIn().matching().thresholdFigures(whole(ctx.pathParam("id"), "id", -1)));
    }

    // ---- export ----

    /** {@code POST /api/v1/exports}: {@code {"format":"csv","excel":false,"raw":false,...}}. */
    record ExportRequest(String format, Boolean excel, Boolean raw, Boolean includeBlocked, String caseRef) {
    }

    private void export(Context ctx) throws IOException {
        SignedIn user = actor(ctx).signedIn();
        ExportRequest req = ctx.body().isBlank() ? new ExportRequest(null, null, null, null, null)
                : body(ctx, ExportRequest.class);
        require(user, Permission.EXPORT, "export_golden_records");
        Path staging = stagingFolder("grw-export");
        try {
            ExportOptions options;
            try {
                options = new ExportOptions(ExportFormat.parse(req.format() == null ? "csv" : req.format()),
                        Boolean.TRUE.equals(req.excel()), Boolean.TRUE.equals(req.includeBlocked()),
                        Api.caseRef(ctx, req.caseRef()), staging, Boolean.TRUE.equals(req.raw()));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, Text.of("server.bad_request", e.getMessage()));
            }
            ExportResult r = user.export().toFiles(options);
            List<Path> names = new ArrayList<>();
            for (Path f : r.files()) {
                names.add(f.getFileName());
            }
            ExportResult shown = new ExportResult(r.goldenRecords(), r.records(), r.blockedLeftOut(),
                    r.blockedIncluded(), names, r.journalEntries(), r.journalHead());
            ctx.status(200).contentType("application/zip");
            ctx.header(EXPORT_HEADER, Base64.getUrlEncoder().withoutPadding().encodeToString(
                    Json.write(shown).getBytes(StandardCharsets.UTF_8)));
            ctx.header("Content-Disposition", "attachment; filename=\"export.zip\"");
            try (ZipOutputStream zip = new ZipOutputStream(ctx.outputStream())) {
                for (Path f : r.files()) {
                    zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
        } finally {
            deleteTree(staging);
        }
    }

    // ---- constraints ----

    /** {@code POST /api/v1/constraint-exports}: {@code {"caseRef": "...", "purpose": "..."}} or no body. */
    record ConstraintsRequest(String caseRef, String purpose) {
    }

    /**
     * The engine writes the file (rights, the case reference's check and the access log are its); it goes to the
     * client as the body.
     */
    private void constraints(Context ctx) throws IOException {
        SignedIn user = actor(ctx).signedIn();
        ConstraintsRequest req = ctx.body().isBlank() ? new ConstraintsRequest(null, null)
                : body(ctx, ConstraintsRequest.class);
        String caseRef = Api.caseRef(ctx, req.caseRef());
        Path staging = stagingFolder("grw-constraints");
        try {
            Path file = staging.resolve("constraints.json");
            // the journal names the client the file went to, from the connection, never from the request
            user.export().constraints(file, caseRef, new de.grw.api.ConstraintsTarget(ctx.ip(), req.purpose()));
            ctx.status(200).contentType("application/json");
            ctx.header("Content-Disposition", "attachment; filename=\"constraints.json\"");
            try (OutputStream out = ctx.outputStream()) {
                Files.copy(file, out);
            }
        } finally {
            deleteTree(staging);
        }
    }

    // ---- proposal bundle ----

    /** At most this many entries in a bundle's zip (a job with thousands of partitions writes as many part files). */
    static final int MAX_BUNDLE_ENTRIES = 100_000;

    private void proposals(Context ctx) throws IOException {
        SignedIn user = actor(ctx).signedIn();
        require(user, Permission.MATCH, "import_proposals");
        Path staging = stagingFolder("grw-proposals");
        try {
            Path bundle = staging.resolve("bundle");
            unzip(ctx.bodyInputStream(), bundle);
            de.grw.api.ProposalsImport r;
            try {
                r = user.imports().proposals(bundle);
            } catch (de.grw.rights.AccessDeniedException e) {
                throw e;
            } catch (de.grw.common.UserFacingException e) {
                // the message names the bundle's files, never the server's staging folder; a text of the engine's
                // goes as key and arguments, so that the client shows it in its language
                throw new ApiProblem(400, e.text() != null ? inBundle(e.text(), bundle)
                        : Text.of("server.bad_request", inBundle(e.getMessage(), bundle)), e);
            }
            ctx.status(201);
            json(ctx, r);
        } finally {
            deleteTree(staging);
        }
    }

    /** The text with the staging folder of the bundle taken out of its arguments (nested texts too). */
    static Text inBundle(Text text, Path bundle) {
        Object[] args = text.args();
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i] instanceof Text t ? inBundle(t, bundle) : inBundle(String.valueOf(args[i]), bundle);
        }
        return Text.of(text.key(), args);
    }

    private static String inBundle(String message, Path bundle) {
        return message.replace(bundle + java.io.File.separator, "bundle/").replace(bundle.toString(), "bundle");
    }

    /** Unpacks a bundle's zip into {@code into}: plain relative entries only, at most {@link #MAX_UPLOAD} bytes. */
    private static void unzip(InputStream body, Path into) throws IOException {
        Files.createDirectories(into);
        long total = 0;
        int entries = 0;
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(body)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_BUNDLE_ENTRIES) {
                    throw new ApiProblem(413, Text.of("server.bad_request", "the bundle has more than "
                            + MAX_BUNDLE_ENTRIES + " files"));
                }
                String name = e.getName().replace('\\', '/');
                Path target = into.resolve(name).normalize();
                if (name.startsWith("/") || name.contains("..") || !target.startsWith(into)) {
                    throw new ApiProblem(400, Text.of("server.bad_request", "zip entry '" + e.getName()
                            + "' lies outside the bundle folder"));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    long n = copyAtMost(zip, out, MAX_UPLOAD - total);
                    if (n < 0) {
                        throw new ApiProblem(413, Text.of("server.bad_request", "the bundle is larger than "
                                + MAX_UPLOAD + " bytes unpacked"));
                    }
                    total += n;
                }
            }
        }
        if (entries == 0) {
            throw new ApiProblem(400, Text.of("server.bad_request", "the body is no zip of a proposal bundle"));
        }
    }

    // ---- helpers ----

    /** Refuses early, as the engine would, before bytes are staged on the server's disk. */
    private static void require(SignedIn user, Permission permission, String deed) {
        if (!user.may(permission)) {
            throw new AccessDeniedException(Text.of("access.denied", user.user(),
                    Text.of("role." + user.role().name()), Text.of("deed." + deed)));
        }
    }

    /** A new folder that only the server's account can read. */
    private static Path stagingFolder(String prefix) throws IOException {
        try {
            return Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory(prefix);
        }
    }

    /** Copies at most {@code max} bytes; -1 when there were more. */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                return -1;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove the staging folder {}", dir, e);
        }
    }
}
