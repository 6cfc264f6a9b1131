package de.grw.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.matching.model.ModelCodec;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposal bundle as the Spark job writes it (format grw-proposals, version 2: see README), made from a
 * single-machine engine result, for the tests of the import in the engine, the command line and the server (the
 * Spark module's end-to-end test reads the job's own bundle). {@link #seal} writes the manifest's file list again
 * after a test changed a file, so that the change reaches the line-by-line checks.
 */
public final class ProposalBundleFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProposalBundleFixture() {
    }

    /**
     * Writes the bundle of the engine's run over all records of {@code w} (as the job over the same registers with
     * the workspace's profile would) into the new folder {@code folder}.
     */
    public static Path ofWorkspace(de.grw.store.Workspace w, Path folder) throws IOException {
        return ofWorkspace(w, folder, de.grw.matching.MatchOptions.defaults());
    }

    /** As {@link #ofWorkspace(de.grw.store.Workspace, Path)}, the run with {@code options} (another threshold). */
    public static Path ofWorkspace(de.grw.store.Workspace w, Path folder, de.grw.matching.MatchOptions options)
            throws IOException {
        MatchProfile profile = WorkspaceProfile.profile(w);
        RecordTable table = w.read(c -> WorkspaceLoader.load(c, profile, null)).table();
        MatchResult result = new de.grw.matching.MatchEngine(profile).run(table, options,
                de.grw.common.ProgressListener.NONE,
                de.grw.common.CancellationToken.NONE);
        return write(folder, profile, table, result);
    }

    /**
     * All records of {@code w} as a match run over them reads them: the table the Spark job reads from the same
     * registers (its constraints are bound to it with {@link MatchConstraints#bind}).
     */
    public static RecordTable records(de.grw.store.Workspace w) {
        MatchProfile profile = WorkspaceProfile.profile(w);
        return w.read(c -> WorkspaceLoader.load(c, profile, null)).table();
    }

    /** Writes the bundle of {@code result} (over {@code table}'s records) into the new folder {@code folder}. */
    public static Path write(Path folder, MatchProfile profile, RecordTable table, MatchResult result)
            throws IOException {
        Files.createDirectories(folder.resolve("clusters"));
        Files.createDirectories(folder.resolve("pairs"));
        int n = table.size();
        int[] size = new int[n + 1];
        for (int r = 0; r < n; r++) {
            size[result.clusterOf(r)]++;
        }
        StringBuilder csv = new StringBuilder("source,record_id,cluster\n");
        for (int r = 0; r < n; r++) {
            if (size[result.clusterOf(r)] > 1) {
                csv.append(quote(table.sourceName(r))).append(',').append(quote(table.recordId(r))).append(',')
                        .append(result.clusterOf(r)).append('\n');
            }
        }
        Files.writeString(folder.resolve("clusters/part-00000.csv"), csv);
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < result.pairCount(); p++) {
            if (result.probability(p) < 0.1) {
                continue;
            }
            ObjectNode node = JSON.createObjectNode();
            node.putObject("a").put("source", table.sourceName(result.first(p))).put("id",
                    table.recordId(result.first(p)));
            node.putObject("b").put("source", table.sourceName(result.second(p))).put("id",
                    table.recordId(result.second(p)));
            node.put("weight", result.weight(p)).put("probability", result.probability(p))
                    .put("pattern", result.pattern(p)).put("prior", result.priorWeight(p));
            ArrayNode explanation = node.putArray("explanation");
            for (Contribution c : result.explain(p)) {
                explanation.addObject().put("comparison", c.comparison()).put("level", c.level())
                        .put("weight", c.weight()).put("tfAdjusted", c.tfAdjusted()).put("versus", c.versus());
            }
            lines.add(JSON.writeValueAsString(node));
        }
        Files.write(folder.resolve("pairs/part-00000"), lines, StandardCharsets.UTF_8);
        Files.write(folder.resolve("model.json"), ModelCodec.write(result.model()));
        Files.writeString(folder.resolve("profile.json"), ProfileLoader.toJson(profile));
        ObjectNode m = JSON.createObjectNode();
        m.put("format", ProposalBundleReader.FORMAT).put("version", ProposalBundleReader.VERSION)
                .put("engine", "test").put("profile", profile.name()).put("threshold", result.threshold())
                .put("records", n).put("candidatePairs", result.pairCount()).put("pairsLeftOut", 0);
        Files.write(folder.resolve("manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        seal(folder);
        return folder;
    }

    /** Writes the manifest's {@code files} (path, bytes, SHA-256 of each file) for the bundle as it is now. */
    public static void seal(Path folder) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(folder.resolve("manifest.json").toFile());
        ArrayNode files = m.putArray("files");
        List<String> names = new ArrayList<>(List.of("profile.json", "model.json"));
        names.addAll(ProposalBundleReader.dataFiles(folder));
        for (String name : names) {
            Path f = folder.resolve(name);
            files.addObject().put("path", name).put("bytes", Files.size(f))
                    .put("sha256", ProposalBundleReader.sha256(f));
        }
        Files.write(folder.resolve("manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
