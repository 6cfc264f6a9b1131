package de.grw.synthetic;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param seed                 fixes the whole output: same seed and settings give byte-identical files
 * @param targetRecords        total number of records across the three source files (written exactly)
 * @param outputDirectory      directory for the four CSV files; created if missing, existing files are replaced
 * @param duplicateRate        share of a source's persons who get a second record in that source (default 3%)
 * @param hardDuplicateShare   share of duplicates with several major changes (default 7%)
 * @param referenceDate        "today" of the population: ages and adulthood are computed on this day; fixed by
 *                             default so that output does not depend on the clock
 * @param population           the household and record model: {@link Population#REALISTIC} by default,
 *                             {@link Population#CLASSIC} reproduces the files of the generator before issue 11
 */
public record GeneratorConfig(long seed, long targetRecords, Path outputDirectory, double duplicateRate,
        double hardDuplicateShare, LocalDate referenceDate, Population population) {

    public static final double DEFAULT_DUPLICATE_RATE = 0.03;
    public static final double DEFAULT_HARD_DUPLICATE_SHARE = 0.07;
    public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2025, 1, 1);

    public GeneratorConfig {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(referenceDate, "referenceDate");
        Objects.requireNonNull(population, "population");
        if (targetRecords < 1) {
            throw new IllegalArgumentException("targetRecords must be at least 1, was " + targetRecords);
        }
        if (!(duplicateRate >= 0 && duplicateRate <= 1)) {
            throw new IllegalArgumentException("duplicateRate must be within 0..1, was " + duplicateRate);
        }
        if (!(hardDuplicateShare >= 0 && hardDuplicateShare <= 1)) {
            throw new IllegalArgumentException("hardDuplicateShare must be within 0..1, was " + hardDuplicateShare);
        }
    }

    /** The defaults: realistic population, 3% duplicates per source, 7% of them hard, reference date 2025-01-01. */
    public static GeneratorConfig of(long seed, long targetRecords, Path outputDirectory) {
        return new GeneratorConfig(seed, targetRecords, outputDirectory, DEFAULT_DUPLICATE_RATE,
                DEFAULT_HARD_DUPLICATE_SHARE, DEFAULT_REFERENCE_DATE, Population.REALISTIC);
    }

    public GeneratorConfig withDuplicateRate(double rate) {
        return new GeneratorConfig(seed, targetRecords, outputDirectory, rate, hardDuplicateShare, referenceDate, population);
    }

    public GeneratorConfig withHardDuplicateShare(double share) {
        return new GeneratorConfig(seed, targetRecords, outputDirectory, duplicateRate, share, referenceDate, population);
    }

    public GeneratorConfig withReferenceDate(LocalDate date) {
        return new GeneratorConfig(seed, targetRecords, outputDirectory, duplicateRate, hardDuplicateShare, date, population);
    }

    public GeneratorConfig withPopulation(Population p) {
        return new GeneratorConfig(seed, targetRecords, outputDirectory, duplicateRate, hardDuplicateShare,
                referenceDate, p);
    }
}
