package de.grw.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.common.UserFacingException;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.blocking.RuleStats;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.matching.model.ModelCodec;
import de.grw.matching.model.Scorer;
import de.grw.profile.ProfileLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Writes a Spark match as a proposal bundle, a folder (on any file system Spark writes to):
 * <ul>
 *   <li>{@code manifest.json}: format {@code grw-proposals}, version 2; {@code files}: every other file's path,
 *       bytes and SHA-256 (what the workbench's {@code ProposalBundleReader} checks before it loads a bundle); the
 *       run's figures (records, candidate pairs,
 *       per blocking rule the blocks, largest block, pairs, oversized blocks and pairs left out; links refused per
 *       contradiction rule, ambiguous links, refused merges; components; timings in seconds);</li>
 *   <li>{@code profile.json}: the match profile that drove the run; {@code model.json}: the model (the engine's
 *       {@code ModelCodec} form, the one a workspace stores);</li>
 *   <li>{@code clusters/}: CSV part files (RFC 4180 quoting) with header {@code source,record_id,cluster}, one row per record in a
 *       cluster of several records; {@code cluster} is the run-wide index of the cluster's first record;</li>
 *   <li>{@code pairs/}: JSON Lines part files, one scored pair per line from the given probability on:
 *       {@code a} and {@code b} ({@code source}, {@code id}), {@code weight} (log2 odds), {@code probability},
 *       {@code pattern} (the comparison levels, packed as the engine packs them), {@code prior} (the prior weight)
 *       and {@code explanation} (per
 *       comparison its level and weight, whether term-frequency adjusted, and what it is weighed against).</li>
 * </ul>
 * The folder is written under a temporary name beside the target and renamed at the end, so a bundle is complete or
 * absent; an existing target is refused.
 */
public final class ProposalBundle {
    public static final String FORMAT = "grw-proposals";
    public static final int VERSION = 2;

    private ProposalBundle() {
    }

    /** @return the pairs written */
    public static long write(SparkSession spark, SparkMatchResult result, String target, double minProbability) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path out = new Path(target);
        try {
            FileSystem fs = out.getFileSystem(jsc.hadoopConfiguration());
            if (fs.exists(out)) {
                throw new UserFacingException(target + ": the bundle folder exists already; choose another --out");
            }
            Path tmp = new Path(out.getParent() == null ? new Path(".") : out.getParent(),
                    "." + out.getName() + ".tmp-" + UUID.randomUUID());
            Broadcast<EngineContext> shared = jsc.broadcast(result.context());
            Broadcast<byte[]> model = jsc.broadcast(ModelCodec.write(result.model()));

            StructType schema = new StructType()
                    .add("source", DataTypes.StringType, false)
                    .add("record_id", DataTypes.StringType, true)
                    .add("cluster", DataTypes.IntegerType, false);
            // the record ids reach the executors with the rows written, per partition (the broadcast has none)
            JavaPairRDD<Integer, String> ids = recordIds(jsc, result.context().driverTable(),
                    result.clusterOf().getNumPartitions());
            JavaRDD<org.apache.spark.sql.Row> rows = result.clusterOf().join(ids).map(c ->
                    RowFactory.create(shared.value().sourceName(c._1), c._2._2, c._2._1));
            spark.createDataFrame(rows, schema).write().mode(SaveMode.ErrorIfExists).option("header", "true")
                    // RFC 4180 quoting (a quote doubled), as the workbench's bundle reader reads it
                    .option("quote", "\"").option("escape", "\"")
                    .csv(new Path(tmp, "clusters").toString());

            double minWeight = Math.log(minProbability / (1 - minProbability)) / Math.log(2);
            JavaRDD<String> pairs = result.scored().filter(s -> s.weight() >= minWeight)
                    .mapToPair(s -> new Tuple2<>(CandidatePairs.first(s.pair()), s))
                    .join(ids)
                    .mapToPair(j -> new Tuple2<>(CandidatePairs.second(j._2._1.pair()), j._2))
                    .join(ids)
                    .mapPartitions(it -> {
                        EngineContext context = shared.value();
                        Scorer scorer = context.scorer(model.value());
                        ObjectMapper json = new ObjectMapper();
                        List<String> lines = new ArrayList<>();
                        while (it.hasNext()) {
                            var j = it.next();
                            lines.add(json.writeValueAsString(pairJson(json, context, scorer, j._2._1._1,
                                    j._2._1._2, j._2._2)));
                        }
                        return lines.iterator();
                    });
            long written = result.scored().filter(s -> s.weight() >= minWeight).count();
            pairs.saveAsTextFile(new Path(tmp, "pairs").toString());

            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            write(fs, new Path(tmp, "model.json"), ModelCodec.write(result.model()));
            write(fs, new Path(tmp, "profile.json"),
                    ProfileLoader.toJson(result.context().engine().profile()).getBytes(StandardCharsets.UTF_8));
            ObjectNode manifest = manifest(json, spark, result, minProbability, written);
            checksums(fs, tmp, manifest.putArray("files"));
            write(fs, new Path(tmp, "manifest.json"), json.writeValueAsBytes(manifest));
            if (!fs.rename(tmp, out)) {
                throw new UserFacingException(target + ": the finished bundle could not be moved into place from "
                        + tmp);
            }
            return written;
        } catch (IOException e) {
            throw new UserFacingException(target + ": cannot write the proposal bundle: " + e.getMessage(), e);
        }
    }

    /** The record ids by record index, in slices of the driver's table (ids travel with the rows that need them). */
    private static JavaPairRDD<Integer, String> recordIds(JavaSparkContext jsc, RecordTable table, int partitions) {
        int n = table.size();
        int step = Math.max(1, (n + partitions - 1) / Math.max(1, partitions));
        List<Tuple2<Integer, String[]>> slices = new ArrayList<>();
        for (int from = 0; from < n; from += step) {
            String[] slice = new String[Math.min(n, from + step) - from];
            for (int i = 0; i < slice.length; i++) {
                slice[i] = table.recordId(from + i);
            }
            slices.add(new Tuple2<>(from, slice));
        }
        return jsc.parallelize(slices, Math.max(1, slices.size())).flatMapToPair(s -> {
            List<Tuple2<Integer, String>> out = new ArrayList<>(s._2.length);
            for (int i = 0; i < s._2.length; i++) {
                out.add(new Tuple2<>(s._1 + i, s._2[i]));
            }
            return out.iterator();
        });
    }

    private static ObjectNode pairJson(ObjectMapper json, EngineContext context, Scorer scorer,
                                       SparkMatchJob.Scored s, String idA, String idB) {
        int a = CandidatePairs.first(s.pair());
        int b = CandidatePairs.second(s.pair());
        ObjectNode node = json.createObjectNode();
        node.putObject("a").put("source", context.sourceName(a)).put("id", idA);
        node.putObject("b").put("source", context.sourceName(b)).put("id", idB);
        node.put("weight", s.weight());
        node.put("probability", Scorer.probability(s.weight()));
        node.put("pattern", s.pattern());
        node.put("prior", scorer.priorWeight(s.pattern(), a, b));
        ArrayNode explanation = node.putArray("explanation");
        for (Contribution c : scorer.explain(s.pattern(), a, b)) {
            explanation.addObject().put("comparison", c.comparison()).put("level", c.level())
                    .put("weight", c.weight()).put("tfAdjusted", c.tfAdjusted()).put("versus", c.versus());
        }
        return node;
    }

    private static ObjectNode manifest(ObjectMapper json, SparkSession spark, SparkMatchResult result,
                                       double minProbability, long pairsWritten) {
        ObjectNode m = json.createObjectNode();
        m.put("format", FORMAT).put("version", VERSION).put("created", Instant.now().toString());
        m.put("engine", "grw-spark").put("sparkVersion", spark.version());
        m.put("profile", result.context().engine().profile().name());
        m.put("threshold", result.threshold()).put("records", result.records())
                .put("candidatePairs", result.candidatePairs()).put("pairsLeftOut", result.pairsLeftOut())
                .put("components", result.components()).put("componentRounds", result.componentRounds())
                .put("refusedMerges", result.refusedMerges()).put("ambiguousLinks", result.ambiguousLinks())
                .put("pairsMinProbability", minProbability).put("pairsWritten", pairsWritten);
        ObjectNode refused = m.putObject("refusedLinks");
        result.refusedLinks().forEach(refused::put);
        ArrayNode rules = m.putArray("blocking");
        for (RuleStats r : result.ruleStats()) {
            rules.addObject().put("rule", r.rule()).put("recordsWithKey", r.recordsWithKey())
                    .put("blocks", r.blocks()).put("largestBlock", r.largestBlock()).put("pairs", r.pairs())
                    .put("oversizedBlocks", r.oversizedBlocks()).put("pairsLeftOut", r.pairsLeftOut());
        }
        ObjectNode timings = m.putObject("timingsSeconds");
        for (Map.Entry<String, java.time.Duration> t : result.timings().entrySet()) {
            timings.put(t.getKey(), t.getValue().toMillis() / 1000.0);
        }
        return m;
    }

    /**
     * Each file of the bundle with its path, size and SHA-256 (version 2): profile.json, model.json and the data
     * files under clusters/ and pairs/ (Hadoop's hidden checksum files and its _SUCCESS marker left out).
     */
    private static void checksums(FileSystem fs, Path folder, ArrayNode files) throws IOException {
        List<String> names = new ArrayList<>(List.of("profile.json", "model.json"));
        for (String dir : List.of("clusters", "pairs")) {
            List<String> parts = new ArrayList<>();
            for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(new Path(folder, dir))) {
                String n = f.getPath().getName();
                if (f.isFile() && !n.startsWith(".") && !n.startsWith("_")) {
                    parts.add(dir + "/" + n);
                }
            }
            parts.sort(null);
            names.addAll(parts);
        }
        for (String name : names) {
            Path file = new Path(folder, name);
            java.security.MessageDigest sha;
            try {
                sha = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long bytes = 0;
            try (java.io.InputStream in = fs.open(file)) {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, read);
                    bytes += read;
                }
            }
            files.addObject().put("path", name).put("bytes", bytes)
                    .put("sha256", java.util.HexFormat.of().formatHex(sha.digest()));
        }
    }

    private static void write(FileSystem fs, Path file, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(file, false)) {
            out.write(bytes);
        }
    }
}
