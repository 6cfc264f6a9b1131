package de.grw.bench.hotpaths;

import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Normalising one value of a field with the default profile's normaliser of that field (family and given names,
 * birth date, street), cycling through the imported values of the generated registers (as written by the three
 * offices: upper case, transliterated, with typos).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NormaliseBenchmark {
    @Param({"family_name", "given_names", "birth_date", "street"})
    public String field;

    private Normaliser normaliser;
    private String[] values;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        try (HotPathData data = HotPathData.generate()) {
            normaliser = Normalisers.get(data.profile.fields().get(data.profile.fieldIndex(field)).normaliser());
            values = data.originals(field);
        }
    }

    @Benchmark
    public String normalise() {
        String v = values[next];
        next = next + 1 == values.length ? 0 : next + 1;
        return normaliser.normalise(v);
    }
}
