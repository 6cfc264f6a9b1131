package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.importing.MappingFile;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What an executor on another machine does with the broadcast: it receives the context serialised, without the
 * driver's engine objects, and builds its own from the profile's JSON and the records in the engine's compact
 * prepared form (value ids and per field the distinct normalised values with their counts; no ids, no originals). Local mode never takes this
 * path (its executors share the driver's JVM and objects), so it is tested here without Spark.
 */
class EngineContextTest {
    @Test
    void anExecutorRebuildsTheDriversEngineFromTheBroadcast() throws Exception {
        Path febrl1 = SparkTestSession.DATASETS.resolve("febrl/dataset1.csv");
        assertThat(febrl1).exists();
        MatchProfile profile = ProfileLoader.defaultProfile();
        RecordTable table = SourceLoading.load(null, profile, MappingFile.NONE, null, List.of(febrl1)).table();
        EngineContext context = EngineContext.of(profile, table, false);
        EngineContext.Engine driver = context.engine();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(context);
        }
        context.release();
        EngineContext shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (EngineContext) in.readObject();
        }
        EngineContext.Engine executor = shipped.engine();
        try {
            assertThat(executor).isNotSameAs(driver);
            assertThat(executor.profile()).isEqualTo(profile);
            assertThat(executor.table().size()).isEqualTo(table.size());
            for (int r = 0; r < table.size(); r++) {
                assertThat(executor.table().sourceName(r)).isEqualTo(table.sourceName(r));
                assertThat(shipped.sourceName(r)).isEqualTo(table.sourceName(r));
                // the compact form: no record ids and no original values reach an executor through the broadcast
                assertThat(executor.table().recordId(r)).isNull();
                for (int f = 0; f < profile.fields().size(); f++) {
                    assertThat(executor.table().value(r, f)).isNull();
                    assertThat(executor.records().field(f).value(r)).isEqualTo(driver.records().field(f).value(r));
                    int id = executor.records().field(f).id(r);
                    if (id >= 0) {
                        assertThat(executor.records().field(f).count(id))
                                .isEqualTo(driver.records().field(f).count(driver.records().field(f).id(r)));
                    }
                }
            }
            // the blocking keys of every rule, computed on the executor's records, are the driver's
            for (var rule : profile.blocking()) {
                assertThat(de.grw.matching.blocking.BlockEntries.of(rule, executor.records(), 0, table.size(),
                        new long[1])).containsExactly(de.grw.matching.blocking.BlockEntries.of(rule, driver.records(), 0,
                        table.size(), new long[1]));
            }
            Random random = new Random(5);
            int differing = 0;
            for (int k = 0; k < 20_000; k++) {
                int a = random.nextInt(table.size());
                int b = random.nextInt(table.size());
                if (a != b && driver.comparisons().pattern(a, b) != executor.comparisons().pattern(a, b)) {
                    differing++;
                }
            }
            assertThat(differing).as("comparison vectors that differ between driver and executor").isZero();
            // and the duplicates' vectors (mostly agreeing levels), record i against the record of the same person
            for (int r = 0; r + 1 < table.size(); r++) {
                assertThat(executor.comparisons().pattern(r, r + 1)).isEqualTo(driver.comparisons().pattern(r, r + 1));
            }
        } finally {
            shipped.release();
        }
    }
}
