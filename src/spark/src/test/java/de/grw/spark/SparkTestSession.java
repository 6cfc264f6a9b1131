package de.grw.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.evaluation.PairwiseEvaluation;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** A small local Spark for the tests (two threads, no UI, few partitions) and the comparisons with the engine. */
final class SparkTestSession {
    /** The benchmark sets, never copied into the project (../shared/datasets/README.md). */
    static final Path DATASETS = Path.of(System.getProperty("grw.datasets", "../shared/datasets"));
    static final int PARTITIONS = 4;

    private SparkTestSession() {
    }

    static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("grw-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(PARTITIONS))
                .config("spark.default.parallelism", String.valueOf(PARTITIONS))
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /**
     * A generated population (seed 17, several registers, households, typos) of that many records in {@code folder}:
     * its register files, the truth file left out. Generated unless the folder holds them already (the scaling series
     * reuses its populations between runs).
     */
    static Path[] population(Path folder, long records) throws java.io.IOException {
        Path[] inputs = registers(folder);
        if (inputs.length == 0) {
            new PopulationGenerator().generate(GeneratorConfig.of(17, records, folder));
            inputs = registers(folder);
        }
        return inputs;
    }

    private static Path[] registers(Path folder) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return new Path[0];
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".csv"))
                    .filter(f -> !f.getFileName().toString().equals(PopulationGenerator.TRUTH_FILE))
                    .sorted().toArray(Path[]::new);
        }
    }

    static RecordTable load(SparkSession spark, MatchProfile profile, Path... inputs) {
        return SourceLoading.load(spark, profile, MappingFile.NONE, null, List.of(inputs)).table();
    }

    static MatchResult engine(MatchProfile profile, RecordTable table) {
        return new MatchEngine(profile).run(table, MatchOptions.defaults(), ProgressListener.NONE,
                CancellationToken.NONE);
    }

    /** Pairwise agreement of the two clusterings: the engine's clusters taken as the truth. */
    static PairwiseEvaluation agreement(int[] spark, MatchResult engine) {
        Integer[] predicted = new Integer[spark.length];
        Integer[] truth = new Integer[spark.length];
        for (int r = 0; r < spark.length; r++) {
            predicted[r] = spark[r];
            truth[r] = engine.clusterOf(r);
        }
        return PairwiseEvaluation.of(predicted, truth);
    }

    /** The profile with other blocking limits (to make blocking and its windows do work on a small input). */
    static MatchProfile withLimits(MatchProfile profile, int maxBlockSize, int window, long compareAllBelowPairs)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(ProfileLoader.toJson(profile));
        tree.putObject("limits").put("maxBlockSize", maxBlockSize).put("window", window)
                .put("compareAllBelowPairs", compareAllBelowPairs);
        return ProfileLoader.fromJson(json.writeValueAsString(tree), "test profile");
    }
}
