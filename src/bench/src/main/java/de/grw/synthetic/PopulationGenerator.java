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
 * ({@code source,record_id,person_id,household_id,relation}, one row per record; see {@link Relation}).
 *
 * <p>Households are generated one at a time and streamed to disk, so memory does not grow with the record count.
 * Two population models ({@link GeneratorConfig#population()}):
 * <ul>
 *   <li>{@link Population#CLASSIC}: households of {@link HouseholdFactory}. The registration office holds ~85% of
 *       persons (whole households, 86.5% x 98.5%), the social-welfare office ~25% (whole benefit households,
 *       27% x 92%), the vehicle registry ~45% of adults, one record each. The first record of a person in a source is
 *       the true data in that source's conventions. About 1.5 records per person.</li>
 *   <li>{@link Population#REALISTIC}: households of {@link RealisticHouseholds}. The registration office holds ~96%
 *       of persons (97% of households x 99%), the social-welfare office ~14% (15% of households x 95%; persons who
 *       left their family's home are drawn on their own), the vehicle registry the keepers of the private vehicles:
 *       by age 32-65% of adults, men 1.15 and women 0.85 times as often (about 54% of adults: ~48 million
 *       private cars and motorcycles at 1.27 vehicles per keeper), with one record per vehicle: 17% of keepers have
 *       two, 5% three. Every
 *       record passes through {@link RecordNoise}. About 1.75 records per person.</li>
 * </ul>
 * In both, within each source a person gets a second, corrupted record with {@link GeneratorConfig#duplicateRate()}
 * (see {@link ErrorType} for the errors), and sozialamt and kfz_halter may show the address before a recent move
 * (35% / 45%) or, for 5%, the name before marriage.
 *
 * <p>Generation stops exactly at {@link GeneratorConfig#targetRecords()}. Same configuration, same bytes: all
 * randomness derives from the seed through {@link SplittableRandom} streams, and the reference date is part of the
 * configuration instead of the clock.
 */
public final class PopulationGenerator {
    public static final String TRUTH_FILE = "truth.csv";
    public static final String TRUTH_HEADER = "source,record_id,person_id,household_id,relation";
    /** Phase key for {@link ProgressListener}. */
    public static final String PHASE = "synthetic";

    private static final double MELDE_HOUSEHOLD = 0.865;
    private static final double MELDE_PERSON = 0.985;
    private static final double SOZIAL_HOUSEHOLD = 0.27;
    private static final double SOZIAL_PERSON = 0.92;
    private static final double KFZ_ADULT = 0.45;

    private static final double REALISTIC_MELDE_HOUSEHOLD = 0.97;
    private static final double REALISTIC_MELDE_PERSON = 0.99;
    private static final double REALISTIC_SOZIAL_HOUSEHOLD = 0.15;
    private static final double REALISTIC_SOZIAL_PERSON = 0.95;

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
            boolean realistic = config.population() == Population.REALISTIC;
            SteuerIds steuerIds = new SteuerIds(config.seed());
            Households factory = realistic ? new RealisticHouseholds(lex, population, today, steuerIds)
                    : new HouseholdFactory(lex, population, today, steuerIds);
            DuplicateMaker duplicates = new DuplicateMaker(lex, errors, config.hardDuplicateShare());
            // the classic population draws nothing more from the master, so its files stay as they were
            RecordNoise noise = realistic ? new RecordNoise(master.split(), duplicates) : null;
            long target = config.targetRecords();
            Writing run = new Writing(formats, sinks, records, duplicates, noise, today, config.duplicateRate(),
                    target);
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
            Map<String, Long> features = new LinkedHashMap<>(factory.counts());
            if (noise != null) {
                features.put("kfz records of further vehicles", run.furtherVehicles);
                features.putAll(noise.counts());
            }
            return new GenerationReport(dir, files, perSource, duplicatesMap, total, factory.personsCreated(),
                    personsWithRecords, factory.households(), features.getOrDefault("twin pairs", 0L),
                    duplicates.hardDuplicates, duplicates.unchangedDuplicates, errorCounts,
                    Duration.ofNanos(System.nanoTime() - start), config.population(), features);
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
        private final RecordNoise noise;
        private final LocalDate today;
        private final double duplicateRate;
        private final long target;
        private final boolean[] included;
        final long[] duplicatesPerSource;
        long total;
        long personsWithRecords;
        long furtherVehicles;

        Writing(SourceFormat[] formats, RecordSink[] sinks, SplittableRandom r, DuplicateMaker duplicates,
                RecordNoise noise, LocalDate today, double duplicateRate, long target) {
            this.formats = formats;
            this.sinks = sinks;
            this.r = r;
            this.duplicates = duplicates;
            this.noise = noise;
            this.today = today;
            this.duplicateRate = duplicateRate;
            this.target = target;
            this.included = new boolean[formats.length];
            this.duplicatesPerSource = new long[formats.length];
        }

        void household(List<Person> household) throws IOException {
            if (noise != null) {
                realisticHousehold(household);
                return;
            }
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

        private void realisticHousehold(List<Person> household) throws IOException {
            boolean meldeHousehold = r.nextDouble() < REALISTIC_MELDE_HOUSEHOLD;
            boolean sozialHousehold = r.nextDouble() < REALISTIC_SOZIAL_HOUSEHOLD;
            Address home = household.get(0).address;
            for (Person p : household) {
                boolean atHome = p.address == home;
                boolean melde = (atHome ? meldeHousehold : r.nextDouble() < REALISTIC_MELDE_HOUSEHOLD)
                        && r.nextDouble() < REALISTIC_MELDE_PERSON;
                boolean sozial = (atHome ? sozialHousehold : r.nextDouble() < REALISTIC_SOZIAL_HOUSEHOLD)
                        && r.nextDouble() < REALISTIC_SOZIAL_PERSON;
                int vehicles = vehicles(p);
                if (melde && !person(0, p) || sozial && !person(1, p)) {
                    return;
                }
                for (int v = 0; v < vehicles; v++) {
                    if (!person(2, p)) {
                        return;
                    }
                    if (v > 0) {
                        furtherVehicles++;
                    }
                }
            }
        }

        /** Number of vehicles the person keeps: none for minors, else by age and sex. */
        private int vehicles(Person p) {
            int age = p.ageOn(today);
            if (age < 18) {
                return 0;
            }
            double keeper = age < 25 ? 0.32 : age < 35 ? 0.55 : age < 65 ? 0.65 : age < 80 ? 0.55 : 0.32;
            keeper *= p.sex == 'm' ? 1.15 : 0.85;
            if (r.nextDouble() >= keeper) {
                return 0;
            }
            double u = r.nextDouble();
            return u < 0.78 ? 1 : u < 0.95 ? 2 : 3;
        }

        /** Writes the person's record (and maybe a duplicate) to source {@code s}; false once the target is reached. */
        private boolean person(int s, Person p) throws IOException {
            if (total >= target) {
                return false;
            }
            Rec first = baseRecord(formats[s], p, r);
            if (noise != null) {
                noise.apply(formats[s], first, p);
            }
            sinks[s].add(p, formats[s].cellsAfterId(first, r));
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
                sinks[s].add(p, formats[s].cellsAfterId(rec, r));
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
