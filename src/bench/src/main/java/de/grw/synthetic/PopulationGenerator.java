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
            long target = config.targetRecords();
            Writing run = new Writing(formats, sinks, records, duplicates, today, config.duplicateRate(), target);
            try {
                for (int s = 0; s < formats.length; s++) {
                    sinks[s] = new RecordSink(formats[s], staging.resolve(formats[s].fileName()),
                            staging.resolve(formats[s].name + ".truth"), order[s], shuffleBuffer);
                }
                List<Person> household = new ArrayList<>();
                long nextProgress = 0;
                while (run.total < target) {
                    cancel.throwIfCancelled();
                    if (run.total >= nextProgress) {
                        progress.progress(PHASE, run.total, target);
                        nextProgress = run.total + 50_000;
                    }
                    factory.next(household);
                    run.household(household);
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
            long total = run.total;
            long[] duplicatesPerSource = run.duplicatesPerSource;
            long personsWithRecords = run.personsWithRecords;
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

    /** Decides which sources hold the members of a household and writes their records, up to the target. */
    private static final class Writing {
        private final SourceFormat[] formats;
        private final RecordSink[] sinks;
        private final SplittableRandom r;
        private final DuplicateMaker duplicates;
        private final LocalDate today;
        private final double duplicateRate;
        private final long target;
        private final boolean[] included;
        final long[] duplicatesPerSource;
        long total;
        long personsWithRecords;

        Writing(SourceFormat[] formats, RecordSink[] sinks, SplittableRandom r, DuplicateMaker duplicates,
                LocalDate today, double duplicateRate, long target) {
            this.formats = formats;
            this.sinks = sinks;
            this.r = r;
            this.duplicates = duplicates;
            this.today = today;
            this.duplicateRate = duplicateRate;
            this.target = target;
            this.included = new boolean[formats.length];
            this.duplicatesPerSource = new long[formats.length];
        }

        void household(List<Person> household) throws IOException {
            boolean meldeHousehold = r.nextDouble() < MELDE_HOUSEHOLD;
            boolean sozialHousehold = r.nextDouble() < SOZIAL_HOUSEHOLD;
            for (Person p : household) {
                included[0] = meldeHousehold && r.nextDouble() < MELDE_PERSON;
                included[1] = sozialHousehold && r.nextDouble() < SOZIAL_PERSON;
                included[2] = p.ageOn(today) >= 18 && r.nextDouble() < KFZ_ADULT;
                for (int s = 0; s < formats.length; s++) {
                    if (included[s] && !person(s, p)) {
                        return;
                    }
                }
            }
        }

        /** Writes the person's record (and maybe a duplicate) to source {@code s}; false once the target is reached. */
        private boolean person(int s, Person p) throws IOException {
            if (total >= target) {
                return false;
            }
            sinks[s].add(p.number, formats[s].cellsAfterId(baseRecord(formats[s], p, r), r));
            total++;
            if (!p.recorded) {
                p.recorded = true;
                personsWithRecords++;
            }
            if (r.nextDouble() < duplicateRate) {
                if (total >= target) {
                    return false;
                }
                Rec rec = baseRecord(formats[s], p, r);
                duplicates.corrupt(rec, p);
                sinks[s].add(p.number, formats[s].cellsAfterId(rec, r));
                total++;
                duplicatesPerSource[s]++;
            }
            return true;
        }
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
