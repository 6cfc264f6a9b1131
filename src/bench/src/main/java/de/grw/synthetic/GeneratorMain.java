package de.grw.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Command line: {@code GeneratorMain --records N --out DIR [--seed S]}. Writes the synthetic population and prints
 * what it wrote. Exit code 0 on success, 1 on an I/O error, 2 on bad arguments.
 */
public final class GeneratorMain {
    static final String USAGE = "usage: GeneratorMain --records N --out DIR [--seed S] [--population P]\n"
            + "  --records N     total records across melderegister.csv, sozialamt.csv and kfz_halter.csv (default 1000)\n"
            + "  --out DIR       output directory (created if missing; the four files in it are replaced)\n"
            + "  --seed S        random seed (default 1); the same seed gives byte-identical files\n"
            + "  --population P  realistic (default) or classic (the generator before issue 11, same files)";

    private GeneratorMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long records = 1000;
        long seed = 1;
        Path dir = null;
        Population population = Population.REALISTIC;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--records", "-n" -> records = parseCount(value != null ? value : next(args, ++i, arg));
                    case "--out", "-o" -> dir = Path.of(value != null ? value : next(args, ++i, arg));
                    case "--seed", "-s" -> seed = Long.parseLong(value != null ? value : next(args, ++i, arg));
                    case "--population", "-p" -> population = Population.of(value != null ? value : next(args, ++i,
                            arg));
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            if (records < 1) {
                throw new IllegalArgumentException("--records must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }

        GenerationReport report;
        try {
            report = new PopulationGenerator().generate(GeneratorConfig.of(seed, records, dir)
                    .withPopulation(population));
        } catch (IOException e) {
            err.println("error: cannot write to " + dir + ": " + e.getMessage());
            return 1;
        }
        print(report, seed, out);
        return 0;
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** Accepts 1000000, 1_000_000 and 1e6. */
    static long parseCount(String text) {
        String t = text.replace("_", "").trim().toLowerCase(Locale.ROOT);
        try {
            if (t.contains("e")) {
                double d = Double.parseDouble(t);
                if (d != Math.rint(d) || d > Long.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                return (long) d;
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a record count: " + text);
        }
    }

    public static void print(GenerationReport report, long seed, PrintStream out) {
        out.printf(Locale.ROOT, "Wrote %,d records (seed %d, %s population) to %s%n", report.totalRecords(), seed,
                report.population().label(), report.outputDirectory());
        for (Map.Entry<String, Long> e : report.recordsPerSource().entrySet()) {
            out.printf(Locale.ROOT, "  %-18s %,10d records (%,d duplicates within the source)%n",
                    e.getKey() + ".csv", e.getValue(), report.duplicatesPerSource().get(e.getKey()));
        }
        out.printf(Locale.ROOT, "  %-18s %,10d rows%n", PopulationGenerator.TRUTH_FILE, report.totalRecords());
        out.printf(Locale.ROOT, "Persons: %,d (%,d with records, %.2f records each) in %,d households, %,d twin pairs%n",
                report.persons(), report.personsWithRecords(),
                report.totalRecords() / (double) Math.max(1, report.personsWithRecords()), report.households(),
                report.twinPairs());
        if (report.features().size() > 1) {
            StringBuilder line = new StringBuilder("Population:");
            report.features().forEach((k, v) -> {
                String item = String.format(Locale.ROOT, " %s %,d;", k, v);
                if (line.length() - line.lastIndexOf("\n") + item.length() > 110) {
                    line.append("\n ");
                }
                line.append(item);
            });
            out.println(line.substring(0, line.length() - 1));
        }
        long duplicates = report.duplicatesPerSource().values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "Duplicates: %,d, of which %,d hard and %,d unchanged apart from id%n", duplicates,
                report.hardDuplicates(), report.unchangedDuplicates());
        if (duplicates > 0) {
            StringBuilder line = new StringBuilder("Errors per 100 duplicates:");
            for (Map.Entry<String, Long> e : report.errorCounts().entrySet()) {
                String item = String.format(Locale.ROOT, " %s %.1f", e.getKey().toLowerCase(Locale.ROOT),
                        100.0 * e.getValue() / duplicates);
                if (line.length() - line.lastIndexOf("\n") + item.length() > 110) {
                    line.append("\n ");
                }
                line.append(item);
            }
            out.println(line);
        }
        out.printf(Locale.ROOT, "Seconds: %.2f%n", report.elapsed().toNanos() / 1e9);
    }
}
