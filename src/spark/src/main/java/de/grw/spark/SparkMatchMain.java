package de.grw.spark;

import de.grw.common.UserFacingException;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceInput;
import de.grw.importing.db.DatabaseSource;
import de.grw.importing.db.Databases;
import de.grw.matching.MatchOptions;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.workspace.MatchConstraints;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark job's entry point, for {@code spark-submit --class de.grw.spark.SparkMatchMain grw-spark.jar ...} or a
 * plain {@code java} start in local mode. Reads the inputs, matches them as the workbench does and writes a
 * proposal bundle ({@link ProposalBundle}).
 */
public final class SparkMatchMain {
    static final String USAGE = """
            Usage: grw-spark --out DIR [options] INPUT...
              INPUT              a CSV (or other file the workbench imports), a .parquet file/folder, or a JDBC URL
                                 followed by --table NAME or --query SQL; one source each
              --as NAME          source name of the input before it [file name without extension, table name]
              --db-user NAME     database user of the JDBC inputs; the password from GRW_DB_PASSWORD
              --out DIR          the proposal bundle to write (must not exist)
              --profile P        profile name (built in) or profile JSON file [person-de]
              --mapping FILE     the workbench's column mapping file
              --constraints FILE a workspace's must-links and cannot-links ('grw export-constraints')
              --constraints-server URL
                                 read them from a workspace server instead, https://host:port (logged there)
              --fingerprint SHA256  the server certificate's SHA-256 fingerprint [the JVM's authorities decide]
              --server-user NAME the account signing in (needs the right to run a match)
              --server-password-file FILE
                                 its password, the file's first line [the environment variable GRW_PASSWORD]
              --case AZ          case reference the server logs the export under (required with it)
              --threshold X      match probability from which records are linked [the profile's]
              --link-only        no pairs within one source
              --seed N           seed of the random pairs of the u estimate [as the workbench]
              --partitions N     partitions of the pair data [2 x default parallelism]
              --pairs-from X     smallest probability of a pair written to the bundle [0.1]
              --master URL       Spark master when not started by spark-submit [local[*]]
            """;

    private SparkMatchMain() {
    }

    /** The parsed command line. */
    record Args(List<SourceInput> inputs, String out, String profile, Path mapping, Double threshold, boolean linkOnly,
                long seed, int partitions, double pairsFrom, String master, Path constraints,
                ServerConstraints server) {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err, System.getenv()));
    }

    /** @param environment the environment variables ({@code GRW_DB_PASSWORD}, {@code GRW_PASSWORD}) */
    static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> environment) {
        Args args;
        try {
            args = parse(argv, environment.get("GRW_DB_PASSWORD"));
        } catch (IllegalArgumentException e) {
            err.println("grw-spark: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            for (SourceInput input : args.inputs()) {
                if (input instanceof SourceInput.File f && !java.nio.file.Files.exists(f.path())) {
                    throw new UserFacingException(f.path() + ": input not found");
                }
            }
            MatchProfile profile = ProfileLoader.load(args.profile());
            MappingFile mapping = args.mapping() == null ? MappingFile.NONE : MappingFile.load(args.mapping());
            MatchConstraints constraints = args.constraints() != null ? MatchConstraints.read(args.constraints())
                    : args.server() != null ? args.server().fetch(environment.get(ServerConstraints.PASSWORD_VARIABLE),
                    args.out())
                    : null;
            Object constraintsFrom = args.constraints() != null ? args.constraints()
                    : args.server() != null ? args.server().url() : null;
            SparkConf conf = new SparkConf().setAppName("grw-spark " + profile.name());
            if (!conf.contains("spark.master")) {
                conf.setMaster(args.master() != null ? args.master() : "local[*]");
            } else if (args.master() != null) {
                conf.setMaster(args.master());
            }
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            try {
                SourceLoading.Loaded loaded = SourceLoading.loadSources(spark, profile, mapping, args.mapping(),
                        args.inputs());
                int partitions = args.partitions() > 0 ? args.partitions()
                        : 2 * spark.sparkContext().defaultParallelism();
                MatchOptions options = new MatchOptions(args.threshold(), args.linkOnly(), args.seed());
                MatchConstraints.Bound bound = MatchConstraints.Bound.NONE;
                if (constraints != null) {
                    bound = constraints.bind(loaded.table());
                    out.printf("constraints %s: %d must-link groups, %d cannot-links; %d records named there are "
                                    + "not among the inputs (left out)%n", constraintsFrom, bound.mustLink().length,
                            bound.cannotLink().length, bound.unresolved());
                }
                try (SparkMatchResult result = new SparkMatchJob(profile, partitions).run(spark, loaded.table(),
                        options, bound)) {
                    long pairs = ProposalBundle.write(spark, result, args.out(), args.pairsFrom());
                    out.printf("%d records from %d sources (%d import problems), %d candidate pairs (%d left out "
                                    + "of oversized blocks), %d linked records in %d components; %d pairs written "
                                    + "to %s%n", result.records(), loaded.sources().size(), loaded.problems().size(),
                            result.candidatePairs(), result.pairsLeftOut(), result.clusterOf().count(),
                            result.components(), pairs, args.out());
                    out.println("timings: " + result.timings());
                }
            } finally {
                spark.stop();
            }
            return 0;
        } catch (UserFacingException e) {
            err.println("grw-spark: " + e.getMessage());
            return 1;
        }
    }

    /** @param dbPassword the password of the JDBC inputs ({@code null}: none) */
    static Args parse(String[] argv, String dbPassword) {
        List<Input> inputs = new ArrayList<>();
        String out = null;
        String profile = ProfileLoader.DEFAULT_PROFILE;
        Path mapping = null;
        Double threshold = null;
        boolean linkOnly = false;
        long seed = MatchOptions.defaults().seed();
        int partitions = 0;
        double pairsFrom = 0.1;
        String master = null;
        String dbUser = null;
        Path constraints = null;
        String server = null;
        String fingerprint = null;
        String serverUser = null;
        Path passwordFile = null;
        String caseRef = null;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--out" -> out = value(argv, ++i, a);
                case "--profile" -> profile = value(argv, ++i, a);
                case "--mapping" -> mapping = Path.of(value(argv, ++i, a));
                case "--constraints" -> constraints = Path.of(value(argv, ++i, a));
                case "--constraints-server" -> server = value(argv, ++i, a);
                case "--fingerprint" -> fingerprint = value(argv, ++i, a);
                case "--server-user" -> serverUser = value(argv, ++i, a);
                case "--server-password-file" -> passwordFile = Path.of(value(argv, ++i, a));
                case "--case" -> caseRef = value(argv, ++i, a);
                case "--password", "--server-password" -> throw new IllegalArgumentException("a password is never "
                        + "given on the command line (the process list and the shell history show it): "
                        + "--server-password-file FILE or the environment variable GRW_PASSWORD");
                case "--threshold" -> threshold = probability(value(argv, ++i, a), a);
                case "--link-only" -> linkOnly = true;
                case "--seed" -> seed = number(value(argv, ++i, a), a);
                case "--partitions" -> partitions = (int) Math.max(1, number(value(argv, ++i, a), a));
                case "--pairs-from" -> pairsFrom = probability(value(argv, ++i, a), a);
                case "--master" -> master = value(argv, ++i, a);
                case "--db-user" -> dbUser = value(argv, ++i, a);
                case "--table", "--query" -> {
                    Input last = inputs.isEmpty() ? null : inputs.get(inputs.size() - 1);
                    if (last == null || !last.isDatabase() || last.table != null || last.query != null) {
                        throw new IllegalArgumentException(a + " belongs after a JDBC URL");
                    }
                    if (a.equals("--table")) {
                        last.table = value(argv, ++i, a);
                    } else {
                        last.query = value(argv, ++i, a);
                    }
                }
                case "--as" -> {
                    if (inputs.isEmpty()) {
                        throw new IllegalArgumentException("--as names the input before it");
                    }
                    inputs.get(inputs.size() - 1).name = value(argv, ++i, a);
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    inputs.add(new Input(a));
                }
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is missing");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input given");
        }
        ServerConstraints fromServer = serverConstraints(constraints, server, fingerprint, serverUser, passwordFile,
                caseRef);
        List<SourceInput> sources = new ArrayList<>();
        for (Input in : inputs) {
            sources.add(in.toSource(dbUser, dbPassword));
        }
        return new Args(sources, out, profile, mapping, threshold, linkOnly, seed, partitions, pairsFrom, master,
                constraints, fromServer);
    }

    /** The server to read the constraints from, or {@code null}; its options only with it, and not with a file. */
    private static ServerConstraints serverConstraints(Path file, String server, String fingerprint, String user,
                                                       Path passwordFile, String caseRef) {
        if (server == null) {
            String stray = fingerprint != null ? "--fingerprint" : user != null ? "--server-user"
                    : passwordFile != null ? "--server-password-file" : caseRef != null ? "--case" : null;
            if (stray != null) {
                throw new IllegalArgumentException(stray + " belongs to --constraints-server");
            }
            return null;
        }
        if (file != null) {
            throw new IllegalArgumentException("--constraints FILE or --constraints-server URL, not both");
        }
        if (user == null) {
            throw new IllegalArgumentException("--constraints-server needs --server-user NAME (the account that "
                    + "signs in; its password from --server-password-file or GRW_PASSWORD)");
        }
        return new ServerConstraints(server, fingerprint, user, passwordFile, caseRef);
    }

    /** An input as given: a file, or a JDBC URL with its table or query; its name if given. */
    private static final class Input {
        private final String given;
        private String table;
        private String query;
        private String name;

        Input(String given) {
            this.given = given;
        }

        boolean isDatabase() {
            return given.regionMatches(true, 0, "jdbc:", 0, 5);
        }

        SourceInput toSource(String user, String password) {
            if (!isDatabase()) {
                Path file = Path.of(given);
                return name == null ? SourceInput.file(file) : SourceInput.file(file, name);
            }
            if (table == null && query == null) {
                throw new IllegalArgumentException(Databases.safeUrl(given) + " needs --table NAME or --query SQL");
            }
            if (query != null && name == null) {
                throw new IllegalArgumentException(Databases.safeUrl(given)
                        + ": name the query's source with --as NAME after it");
            }
            char[] secret = password == null ? null : password.toCharArray();
            DatabaseSource db = table != null ? DatabaseSource.ofTable(given, user, secret, table)
                    : DatabaseSource.ofQuery(given, user, secret, query);
            return new SourceInput.Database(db, name != null ? name : table);
        }
    }

    private static String value(String[] argv, int i, String option) {
        if (i >= argv.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return argv[i];
    }

    private static double probability(String v, String option) {
        try {
            double p = Double.parseDouble(v);
            if (p > 0 && p < 1) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a probability between 0 and 1, not '" + v + "'");
    }

    private static long number(String v, String option) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + v + "'");
        }
    }
}
