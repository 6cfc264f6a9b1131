package de.grw.bench;

import picocli.CommandLine.Option;

/**
 * The options a benchmark over a generated population shares (a picocli mixin): how many records and the generator's
 * seed. A command gives its own default record count ({@code @Mixin PopulationOptions population = new
 * PopulationOptions(20_000)}): picocli keeps the instance the field holds and shows its initial value as the
 * default. The command lines stay those of the options declared in each command before.
 */
public final class PopulationOptions {
    @Option(names = "--records", paramLabel = "N",
            description = "Records of the generated population. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Generator seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** For picocli; 1,000 records. */
    public PopulationOptions() {
        this(1_000);
    }

    /** With a command's default record count. */
    public PopulationOptions(long defaultRecords) {
        this.records = defaultRecords;
    }

    /** Records of the generated population. */
    public long records() {
        return records;
    }

    /** The generator's seed. */
    public long seed() {
        return seed;
    }
}
