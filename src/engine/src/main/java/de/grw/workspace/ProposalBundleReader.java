package de.grw.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.matching.model.Contribution;
import de.grw.matching.model.ModelCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads and checks a Spark job's proposal bundle (issue 17; format {@code grw-proposals}, version {@value #VERSION},
 * written by {@code de.grw.spark.ProposalBundle}) before anything of it reaches a workspace: the manifest's format and
 * version, every file against the size and SHA-256 the manifest gives for it (and no data file the manifest does not
 * name), the profile and the model, each cluster row and each pair line. Every problem names the file, the line and
 * what is wrong, and the first one stops the reading: a bundle is taken whole or not at all. Which records the
 * bundle names is checked against the workspace by {@link ProposalImporter}.
 */
public final class ProposalBundleReader {
    public static final String FORMAT = "grw-proposals";
    /** The bundle version this workbench reads: 2 (version 1, the first slice's, carried no checksums). */
    public static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProposalBundleReader() {
    }

    /** A record as the bundle names it, and where it is named first (for messages). */
    public record Ref(String source, String id) {
    }

    /** A scored pair of the bundle whose two records are in one of its clusters. */
    public record Pair(Ref a, Ref b, double weight, double probability, double prior, List<Contribution> explanation,
                       Text where) {
    }

    /** One cluster: its records in file order, and where each is named. */
    public record Cluster(long label, List<Ref> records, List<Text> where) {
    }

    /**
     * A checked bundle.
     *
     * @param sha256 the SHA-256 of the manifest (which holds every other file's): the bundle's identity
     * @param pairs  the pairs inside a cluster (every pair line was checked)
     */
    public record Bundle(Path folder, String sha256, JsonNode manifest, String profileJson, byte[] model,
                         double threshold, long records, long candidatePairs, long pairsLeftOut,
                         List<Cluster> clusters, List<Pair> pairs) {
    }

    /** Reads and checks the bundle in {@code folder}; a broken one is refused with file, line and problem. */
    public static Bundle read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UserFacingException(Text.of("bundle.not_folder", folder));
        }
        Path manifestFile = folder.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new UserFacingException(Text.of("bundle.no_manifest", manifestFile));
        }
        byte[] manifestBytes = bytes(manifestFile);
        JsonNode manifest = json(manifestFile, new String(manifestBytes, StandardCharsets.UTF_8), 0);
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new UserFacingException(Text.of("bundle.format", manifestFile, manifest.path("format").asText(),
                    FORMAT));
        }
        int version = manifest.path("version").asInt(-1);
        if (version != VERSION) {
            throw new UserFacingException(Text.of(version == 1 ? "bundle.version_one" : "bundle.version", manifestFile,
                    manifest.path("version").asText(), VERSION));
        }
        checkFiles(folder, manifestFile, manifest.path("files"));
        Path profileFile = folder.resolve("profile.json");
        String profileJson = new String(bytes(profileFile), StandardCharsets.UTF_8);
        json(profileFile, profileJson, 0);
        Path modelFile = folder.resolve("model.json");
        byte[] model = bytes(modelFile);
        try {
            ModelCodec.read(model);
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(Text.of("bundle.model", modelFile, e.getMessage()), e);
        }
        double threshold = number(manifestFile, manifest, "threshold");
        if (!(threshold > 0 && threshold < 1)) {
            throw new UserFacingException(Text.of("bundle.threshold", manifestFile, threshold));
        }
        List<Cluster> clusters = clusters(folder);
        // every pair line is checked, but only the pairs inside a cluster are kept (what a review shows): a national
        // run writes far more pairs from the bundle's smallest probability on than its clusters hold
        Map<Ref, Integer> clusterOf = new java.util.HashMap<>();
        for (int k = 0; k < clusters.size(); k++) {
            for (Ref r : clusters.get(k).records()) {
                clusterOf.put(r, k);
            }
        }
        List<Pair> pairs = pairs(folder, clusterOf);
        return new Bundle(folder, sha256(manifestBytes), manifest, profileJson, model, threshold,
                (long) number(manifestFile, manifest, "records"), (long) number(manifestFile, manifest,
                "candidatePairs"), manifest.path("pairsLeftOut").asLong(0), clusters, pairs);
    }

    /** Every file the manifest names has its size and SHA-256; no data file is left unnamed. */
    private static void checkFiles(Path folder, Path manifestFile, JsonNode files) {
        if (!files.isArray() || files.isEmpty()) {
            throw new UserFacingException(Text.of("bundle.no_files", manifestFile));
        }
        Map<String, JsonNode> named = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode f = files.get(i);
            String path = f.path("path").asText("");
            if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new UserFacingException(Text.of("bundle.entry_path", manifestFile, i + 1, path));
            }
            named.put(path, f);
        }
        for (String required : List.of("profile.json", "model.json")) {
            if (!named.containsKey(required)) {
                throw new UserFacingException(Text.of("bundle.files_lacks", manifestFile, required));
            }
        }
        for (String data : dataFiles(folder)) {
            if (!named.containsKey(data)) {
                throw new UserFacingException(Text.of("bundle.unnamed", folder.resolve(data)));
            }
        }
        int entry = 0;
        for (Map.Entry<String, JsonNode> e : named.entrySet()) {
            entry++;
            Path file = folder.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                throw new UserFacingException(Text.of("bundle.named_missing", file, entry));
            }
            long size = size(file);
            long expected = e.getValue().path("bytes").asLong(-1);
            if (size != expected) {
                throw new UserFacingException(Text.of("bundle.size", file, size, entry, expected));
            }
            String sha = sha256(file);
            if (!sha.equals(e.getValue().path("sha256").asText())) {
                throw new UserFacingException(Text.of("bundle.sha256", file, sha, entry,
                        e.getValue().path("sha256").asText()));
            }
        }
    }

    /** The data files under clusters/ and pairs/ (Hadoop's hidden checksum files and markers left out). */
    public static List<String> dataFiles(Path folder) {
        List<String> out = new ArrayList<>();
        for (String dir : List.of("clusters", "pairs")) {
            Path d = folder.resolve(dir);
            if (!Files.isDirectory(d)) {
                throw new UserFacingException(Text.of("bundle.no_folder", d));
            }
            try (Stream<Path> s = Files.list(d)) {
                s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.startsWith("_"))
                        .sorted().forEach(n -> out.add(dir + "/" + n));
            } catch (IOException e) {
                throw new UserFacingException(Text.of("bundle.cannot_list", d, e.getMessage()), e);
            }
        }
        return out;
    }

    /** Where in a file: {@code file: line n} (German {@code Zeile}). */
    static Text at(Path file, long line) {
        return Text.of("bundle.line", file, line);
    }

    private static List<Cluster> clusters(Path folder) {
        Map<Long, Cluster> byLabel = new LinkedHashMap<>();
        Map<Ref, Text> seen = new java.util.HashMap<>();
        for (String name : dataFiles(folder)) {
            if (!name.startsWith("clusters/")) {
                continue;
            }
            Path file = folder.resolve(name);
            List<BundleCsv.Row> rows = BundleCsv.read(file);
            if (rows.isEmpty()) {
                continue;
            }
            BundleCsv.Row header = rows.get(0);
            if (!header.fields().equals(List.of("source", "record_id", "cluster"))) {
                throw new UserFacingException(Text.of("bundle.header", at(file, header.line()),
                        String.join(",", header.fields())));
            }
            for (BundleCsv.Row row : rows.subList(1, rows.size())) {
                Text where = at(file, row.line());
                if (row.fields().size() != 3) {
                    throw new UserFacingException(Text.of("bundle.fields", where, row.fields().size()));
                }
                Ref ref = ref(where, row.fields().get(0), row.fields().get(1));
                long label;
                try {
                    label = Long.parseLong(row.fields().get(2).strip());
                } catch (NumberFormatException e) {
                    throw new UserFacingException(Text.of("bundle.cluster_not_number", where, row.fields().get(2)));
                }
                Text before = seen.putIfAbsent(ref, where);
                if (before != null) {
                    throw new UserFacingException(Text.of("bundle.record_twice", where, ref.source() + "/" + ref.id(),
                            before));
                }
                Cluster c = byLabel.computeIfAbsent(label, l -> new Cluster(l, new ArrayList<>(), new ArrayList<>()));
                c.records().add(ref);
                c.where().add(where);
            }
        }
        for (Cluster c : byLabel.values()) {
            if (c.records().size() < 2) {
                throw new UserFacingException(Text.of("bundle.single", c.where().get(0), c.label()));
            }
        }
        return List.copyOf(byLabel.values());
    }

    private static List<Pair> pairs(Path folder, Map<Ref, Integer> clusterOf) {
        List<Pair> out = new ArrayList<>();
        for (String name : dataFiles(folder)) {
            if (!name.startsWith("pairs/")) {
                continue;
            }
            Path file = folder.resolve(name);
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    Text where = at(file, number);
                    JsonNode p = json(file, line, number);
                    Ref a = ref(where, p.path("a").path("source").asText(null), p.path("a").path("id").asText(null));
                    Ref b = ref(where, p.path("b").path("source").asText(null), p.path("b").path("id").asText(null));
                    double weight = number(where, p, "weight");
                    double probability = number(where, p, "probability");
                    if (!(probability >= 0 && probability <= 1)) {
                        throw new UserFacingException(Text.of("bundle.probability", where, probability));
                    }
                    List<Contribution> explanation = new ArrayList<>();
                    double sum = 0;
                    for (JsonNode c : p.path("explanation")) {
                        if (!c.path("comparison").isTextual() || !c.path("level").isTextual()
                                || !c.path("weight").isNumber()) {
                            throw new UserFacingException(Text.of("bundle.explanation", where));
                        }
                        explanation.add(new Contribution(c.path("comparison").asText(), c.path("level").asText(),
                                c.path("weight").asDouble(), c.path("tfAdjusted").asBoolean(false),
                                c.path("versus").asText(Contribution.OTHERS)));
                        sum += c.path("weight").asDouble();
                    }
                    double prior = p.has("prior") ? number(where, p, "prior") : weight - sum;
                    Integer ka = clusterOf.get(a);
                    if (ka != null && ka.equals(clusterOf.get(b))) {
                        out.add(new Pair(a, b, weight, probability, prior, explanation, where));
                    }
                }
            } catch (IOException e) {
                throw new UserFacingException(Text.of("bundle.cannot_read", file, e.getMessage()), e);
            }
        }
        return out;
    }

    private static Ref ref(Text where, String source, String id) {
        if (source == null || source.isEmpty() || id == null || id.isEmpty()) {
            throw new UserFacingException(Text.of("bundle.no_ref", where));
        }
        return new Ref(source, id);
    }

    private static double number(Object where, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new UserFacingException(Text.of("bundle.not_number", where, field));
        }
        return v.asDouble();
    }

    private static JsonNode json(Path file, String text, int line) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new UserFacingException(Text.of("bundle.not_object", line > 0 ? at(file, line) : file));
            }
            return node;
        } catch (JsonProcessingException e) {
            int at = line > 0 ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UserFacingException(Text.of("bundle.not_json", at > 0 ? at(file, at) : file,
                    e.getOriginalMessage()), e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserFacingException(Text.of("bundle.cannot_read", file, e.getMessage()), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UserFacingException(Text.of("bundle.cannot_read", file, e.getMessage()), e);
        }
    }

    /** The SHA-256 of a file, hex. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UserFacingException(Text.of("bundle.cannot_read", file, e.getMessage()), e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
