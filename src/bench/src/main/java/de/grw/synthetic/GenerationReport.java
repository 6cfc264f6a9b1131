package de.grw.synthetic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation run wrote.
 *
 * @param files               the files written, in the order melderegister, sozialamt, kfz_halter, truth
 * @param recordsPerSource    records per source (file name without extension); all maps keep file / enum order
 * @param duplicatesPerSource second records of a person within the same source
 * @param persons             persons generated (including those that ended up in no source)
 * @param personsWithRecords  persons with at least one record
 * @param households          households generated
 * @param twinPairs           twin pairs living together in the population
 * @param hardDuplicates      duplicates with several major changes
 * @param unchangedDuplicates duplicates identical to the person's data apart from the record id and source
 *                            conventions
 * @param errorCounts         how often each kind of error was put into a duplicate, by {@code ErrorType} name
 * @param elapsed             wall-clock time of the run
 * @param population          the population model used
 * @param features            counts of the population's features (twin pairs, births, juniors, ...) and, for the
 *                            realistic population, of the noise in first records ({@link RecordNoise}), in a fixed
 *                            order
 */
public record GenerationReport(Path outputDirectory, List<Path> files, Map<String, Long> recordsPerSource,
        Map<String, Long> duplicatesPerSource, long totalRecords, long persons, long personsWithRecords,
        long households, long twinPairs, long hardDuplicates, long unchangedDuplicates, Map<String, Long> errorCounts,
        Duration elapsed, Population population, Map<String, Long> features) {

    public GenerationReport {
        files = List.copyOf(files);
        recordsPerSource = ordered(recordsPerSource);
        duplicatesPerSource = ordered(duplicatesPerSource);
        errorCounts = ordered(errorCounts);
        features = ordered(features);
    }

    /** An unmodifiable copy that keeps the iteration order of {@code map}. */
    private static Map<String, Long> ordered(Map<String, Long> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
