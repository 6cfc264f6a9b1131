package de.grw.synthetic;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Generates a synthetic German population and writes it as three register extracts plus the ground truth:
 * {@code melderegister.csv}, {@code sozialamt.csv}, {@code kfz_halter.csv} and {@code truth.csv}
 * ({@code source,record_id,person_id}, one row per record).
 *
 * <p>Households are generated one at a time and streamed to disk, so memory does not grow with the record count.
 * Coverage: the registration office holds ~85% of persons (whole households, 86.5% x 98.5%), the social-welfare office
 * ~25% (whole benefit households, 27% x 92%), the vehicle registry ~45% of adults. Within each source a person gets a
 * second, corrupted record with {@link GeneratorConfig#duplicateRate()} (see {@link ErrorType} for the errors).
 * The first record of a person in a source is the true data in that source's conventions; sozialamt and kfz_halter
 * may show the address before a recent move (35% / 45%) or, for 5%, the name before marriage.
 *
 * <p>Generation stops exactly at {@link GeneratorConfig#targetRecords()}. Same configuration, same bytes: all
 * randomness derives from the seed through {@link SplittableRandom} streams, and the reference date is part of the
 * configuration instead of the clock.
 */
public final class PopulationGenerator {
    public static final String TRUTH_FILE = "truth.csv";
    public static final String TRUTH_HEADER = "source,record_id,person_id";
    /** Phase key for {@link ProgressListener}. */
    public static final String PHASE = "synthetic";

    private static final double MELDE_HOUSEHOLD = 0.865;
    private static final double MELDE_PERSON = 0.985;
    private static final double SOZIAL_HOUSEHOLD = 0.27;
    private static final double SOZIAL_PERSON = 0.92;
    private static final double KFZ_ADULT = 0.45;

    private final int shuffleBuffer;

    public PopulationGenerator() {
        this(RecordSink.DEFAULT_BUFFER);
    }

    PopulationGenerator(int shuffleBuffer) {
        this.shuffleBuffer = shuffleBuffer;
    }

    public GenerationReport generate(GeneratorConfig config) throws IOException {
        return generate(config, ProgressListener.NONE, CancellationToken.NONE);
    }

    public GenerationReport generate(GeneratorConfig config, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        long start = System.nanoTime();
        Lexicon lex = Lexicon.get();
        Path dir = config.outputDirectory().toAbsolutePath();
        Files.createDirectories(dir);
        LocalDate today = config.referenceDate();

        SplittableRandom master = new SplittableRandom(config.seed());
        SplittableRandom population = master.split();
        SplittableRandom records = master.split();
        SplittableRandom errors = master.split();
        SourceFormat[] formats = {new MelderegisterFormat(), new SozialamtFormat(), new KfzHalterFormat()};
        SplittableRandom[] order = {master.split(), master.split(), master.split()};

        Path staging = Files.createTempDirectory(dir, ".synthetic-");
        try {
            RecordSink[] sinks = new RecordSink[formats.length];
            HouseholdFactory factory = new HouseholdFactory(lex, population, today, new SteuerIds(config.seed()));
            DuplicateMaker duplicates = new DuplicateMaker(lex, errors, config.hardDuplicateShare());
            long[] duplicatesPerSource = new long[formats.length];
            long personsWithRecords = 0;
            long total = 0;
            long target = config.targetRecords();
            try {
                for (int s = 0; s < formats.length; s++) {
                    sinks[s] = new RecordSink(formats[s], staging.resolve(formats[s].fileName()),
                            staging.resolve(formats[s].name + ".truth"), order[s], shuffleBuffer);
                }
                List<Person> household = new ArrayList<>();
                boolean[] included = new boolean[formats.length];
                long nextProgress = 0;
                generation:
                while (total < target) {
                    cancel.throwIfCancelled();
                    if (total >= nextProgress) {
                        progress.progress(PHASE, total, target);
                        nextProgress = total + 50_000;
                    }
                    factory.next(household);
                    boolean meldeHousehold = records.nextDouble() < MELDE_HOUSEHOLD;
                    boolean sozialHousehold = records.nextDouble() < SOZIAL_HOUSEHOLD;
                    for (Person p : household) {
                        included[0] = meldeHousehold && records.nextDouble() < MELDE_PERSON;
                        included[1] = sozialHousehold && records.nextDouble() < SOZIAL_PERSON;
                        included[2] = p.ageOn(today) >= 18 && records.nextDouble() < KFZ_ADULT;
                        for (int s = 0; s < formats.length; s++) {
                            if (!included[s]) {
                                continue;
                            }
                            if (total >= target) {
                                break generation;
                            }
                            sinks[s].add(p.number, firstRecord(formats[s], p, records));
                            total++;
                            if (!p.recorded) {
                                p.recorded = true;
                                personsWithRecords++;
                            }
                            if (records.nextDouble() < config.duplicateRate()) {
                                if (total >= target) {
                                    break generation;
                                }
                                sinks[s].add(p.number, duplicateRecord(formats[s], p, records, duplicates));
                                total++;
                                duplicatesPerSource[s]++;
                            }
                        }
                    }
                }
                for (RecordSink sink : sinks) {
                    sink.finish();
                }
            } finally {
                for (RecordSink sink : sinks) {
                    if (sink != null) {
                        sink.close();
                    }
                }
            }
            progress.progress(PHASE, total, target);

            Path truth = staging.resolve(TRUTH_FILE);
            try (OutputStream out = Files.newOutputStream(truth)) {
                out.write((TRUTH_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
                for (SourceFormat format : formats) {
                    Files.copy(staging.resolve(format.name + ".truth"), out);
                }
            }

            List<Path> files = new ArrayList<>();
            Map<String, Long> perSource = new LinkedHashMap<>();
            Map<String, Long> duplicatesMap = new LinkedHashMap<>();
            for (int s = 0; s < formats.length; s++) {
                files.add(moveInto(staging.resolve(formats[s].fileName()), dir));
                perSource.put(formats[s].name, sinks[s].written);
                duplicatesMap.put(formats[s].name, duplicatesPerSource[s]);
            }
            files.add(moveInto(truth, dir));
            Map<String, Long> errorCounts = new LinkedHashMap<>();
            for (ErrorType type : ErrorType.values()) {
                errorCounts.put(type.name(), duplicates.counts[type.ordinal()]);
            }
            return new GenerationReport(dir, files, perSource, duplicatesMap, total, factory.personsCreated(),
                    personsWithRecords, factory.households, factory.twinPairs, duplicates.hardDuplicates,
                    duplicates.unchangedDuplicates, errorCounts, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            deleteTree(staging);
        }
    }

    private static String firstRecord(SourceFormat format, Person p, SplittableRandom r) {
        return format.cellsAfterId(baseRecord(format, p, r), r);
    }

    private static String duplicateRecord(SourceFormat format, Person p, SplittableRandom r, DuplicateMaker maker) {
        Rec rec = baseRecord(format, p, r);
        maker.corrupt(rec, p);
        return format.cellsAfterId(rec, r);
    }

    /** The person's true data as this source knows it: maybe an older address or name, only the source's columns. */
    private static Rec baseRecord(SourceFormat format, Person p, SplittableRandom r) {
        Address address = p.address;
        if (p.previousAddress != null && r.nextDouble() < format.previousAddressShare()) {
            address = p.previousAddress;
        }
        Rec rec = Rec.of(p, address);
        if (p.birthName != null && r.nextDouble() < format.staleNameShare()) {
            rec.family = p.birthName;
            rec.birthName = null;
        }
        format.restrict(rec, p, r);
        return rec;
    }

    private static Path moveInto(Path file, Path dir) throws IOException {
        Path target = dir.resolve(file.getFileName().toString());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }
}
