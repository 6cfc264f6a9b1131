package de.grw.bench;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.ImportListener;
import de.grw.importing.ImportProblem;
import de.grw.importing.ImportedSource;
import de.grw.importing.SourceImporter;
import de.grw.importing.SourceRecord;
import de.grw.importing.db.DatabaseReader;
import de.grw.importing.db.DatabaseSource;
import de.grw.importing.db.Databases;
import de.grw.importing.db.SqlNames;
import de.grw.importing.read.ReadOptions;
import de.grw.importing.read.RowSink;
import de.grw.importing.read.TabularReader;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.Population;
import de.grw.synthetic.PopulationGenerator;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import de.grw.cli.Passwords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw db-benchmark}: loads a synthetic German register (the generator's Melderegister, repeated until the
 * table has the rows asked for) into a database table, then times {@link DatabaseReader} streaming the whole table,
 * and an import of it through the column mapping, and prints rows per second, seconds and peak heap.
 */
@Command(name = "db-benchmark", mixinStandardHelpOptions = true,
        description = "Database read benchmark: loads N rows of a synthetic Melderegister into a table (COPY on "
                + "PostgreSQL; kept for the next run if it has N rows) and times streaming them with the reader "
                + "and importing them through the column mapping. "
            + "Example: GRW_DB_PASSWORD=... java -Xmx1g -jar target/grw-bench.jar db-benchmark --jdbc "
                + "jdbc:postgresql://localhost/grw_bench --db-user postgres --rows 1000000 (the password from the "
                + "environment).")
final class DbBenchmarkCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("lfd_nr", "Ordnungsmerkmal", "Familienname", "Geburtsname",
            "Vornamen", "Doktorgrad", "Geschlecht", "Geburtsdatum", "Geburtsort", "Staatsangehörigkeit", "Straße",
            "Hausnummer", "PLZ", "Wohnort", "Steuer-ID", "Auskunftssperre", "erfasst_am");
    private static final long TARGET_ROWS_PER_SECOND = 100_000;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--jdbc", required = true, paramLabel = "URL", description = "The database to load and read.")
    String url;

    @Option(names = "--db-user", paramLabel = "NAME", description = "Database user (password: GRW_DB_PASSWORD, else "
            + "asked for).")
    String user;

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Rows in the table. "
            + "Default: ${DEFAULT-VALUE}.")
    long rows;

    @Option(names = "--table", defaultValue = "grw_bench_personen", paramLabel = "NAME",
            description = "Table to load and read. Default: ${DEFAULT-VALUE}.")
    String table;

    @Option(names = "--fetch-size", defaultValue = "10000", paramLabel = "N", description = "Rows per fetch. "
            + "Default: ${DEFAULT-VALUE}.")
    int fetchSize;

    @Option(names = "--reload", description = "Load the table anew even if it has the rows asked for.")
    boolean reload;

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rows must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        char[] password = Passwords.database(spec, url, user);
        try {
            load(out, password);
            DatabaseSource source = new DatabaseSource(url, user, password, table, null, fetchSize);

            System.gc();
            resetPeaks();
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            CountingSink counter = new CountingSink();
            String origin = new DatabaseReader().read(source, counter, CancellationToken.NONE, ProgressListener.NONE)
                    .describe();
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = peakHeap();
            double rate = counter.rows / seconds;
            out.printf("read %s: %,d rows, %d columns, %,d characters in %.2f s = %,.0f rows/s; peak heap %,d MB "
                    + "(%,d MB before; max heap %,d MB); fetch size %,d%n", origin, counter.rows, counter.columns,
                    counter.chars, seconds, rate, peak >> 20, heapBefore >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    fetchSize);

            System.gc();
            resetPeaks();
            start = System.nanoTime();
            long[] records = {0};
            ImportedSource imported = new SourceImporter(ProfileLoader.defaultProfile()).importDatabase(source,
                    "melderegister", new ImportListener() {
                        @Override
                        public void record(SourceRecord record) {
                            records[0]++;
                        }

                        @Override
                        public void problem(ImportProblem problem) {
                        }
                    }, ProgressListener.NONE, CancellationToken.NONE);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            out.printf("import through the column mapping: %,d records (%,d rows, %,d rejected) in %.2f s = %,.0f "
                    + "records/s; peak heap %,d MB%n", records[0], imported.rowsRead(), imported.rowsRejected(),
                    importSeconds, records[0] / importSeconds, peakHeap() >> 20);
            out.printf("target: at least %,d rows/s read: %s%n", TARGET_ROWS_PER_SECOND,
                    rate >= TARGET_ROWS_PER_SECOND ? "met" : "NOT met");
            return 0;
        } finally {
            Passwords.wipe(password);
        }
    }

    /** Loads the table unless it has the rows asked for already. */
    private void load(PrintWriter out, char[] password) throws Exception {
        try (Connection c = Databases.connect(url, user, password, false)) {
            String quote = SqlNames.quoteString(c);
            SqlNames.Target target = SqlNames.target(c, table);
            String name = target.table().sql(quote);
            if (target.exists() && !reload) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + name)) {
                    rs.next();
                    if (rs.getLong(1) == rows) {
                        out.printf("table %s has %,d rows already (--reload loads it anew)%n",
                                target.table().display(), rows);
                        return;
                    }
                }
            }
            long start = System.nanoTime();
            Path dir = Files.createTempDirectory("grw-db-benchmark");
            try {
                long population = Math.min(rows, 200_000);
                // a speed benchmark: the classic population keeps its figures comparable with earlier runs
                new PopulationGenerator().generate(GeneratorConfig.of(1, population, dir)
                        .withPopulation(Population.CLASSIC));
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    if (target.exists()) {
                        s.execute("DROP TABLE " + name);
                    }
                    StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(name).append(" (");
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        String type = i == 0 ? "BIGINT" : i == COLUMNS.size() - 1 ? "DATE" : "TEXT";
                        ddl.append(i == 0 ? "" : ", ").append(SqlNames.quote(COLUMNS.get(i), quote)).append(' ')
                                .append(type);
                    }
                    s.execute(ddl.append(')').toString());
                }
                Loader loader = Databases.kind(url) == Databases.Kind.POSTGRESQL ? new CopyLoader(c, name)
                        : new InsertLoader(c, name);
                Path melde = dir.resolve("melderegister.csv");
                long[] n = {0};
                for (int round = 0; n[0] < rows; round++) {
                    int r = round;
                    new TabularReader().read(melde, ReadOptions.DEFAULTS, new RowSink() {
                        @Override
                        public void header(List<String> columns) {
                        }

                        @Override
                        public void row(long rowNumber, long line, String[] cells) {
                            if (n[0] >= rows) {
                                return;
                            }
                            n[0]++;
                            List<String> row = new ArrayList<>(COLUMNS.size());
                            row.add(Long.toString(n[0]));
                            for (int i = 0; i < COLUMNS.size() - 2; i++) {
                                String cell = i < cells.length ? cells[i] : null;
                                row.add(i == 0 && r > 0 ? cell + "-" + r : cell);
                            }
                            row.add(LocalDate.of(2020, 1, 1).plusDays(n[0] % 1500).toString());
                            loader.add(row);
                        }

                        @Override
                        public void rejected(long rowNumber, long line, de.grw.common.Text reason, String rawText) {
                        }
                    }, CancellationToken.NONE, ProgressListener.NONE);
                    if (n[0] == 0) {
                        throw new UserFacingException("the generator wrote no rows");
                    }
                }
                loader.finish();
                c.commit();
                out.printf("loaded %,d rows into %s in %.1f s%n", n[0], target.table().display(),
                        (System.nanoTime() - start) / 1e9);
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (SQLException e) {
            throw Databases.failure(url, e);
        }
    }

    /** Puts rows into the table. */
    private interface Loader {
        void add(List<String> row);

        void finish() throws SQLException;
    }

    /** PostgreSQL: COPY ... FROM STDIN in CSV. */
    private static final class CopyLoader implements Loader {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(1 << 20);

        CopyLoader(Connection c, String name) throws SQLException {
            copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + name + " FROM STDIN (FORMAT csv)");
        }

        @Override
        public void add(List<String> row) {
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i);
                if (i > 0) {
                    buffer.append(',');
                }
                if (v != null && !v.isEmpty()) {
                    buffer.append('"').append(v.replace("\"", "\"\"")).append('"');
                }
            }
            buffer.append('\n');
            if (buffer.length() > (1 << 20) - 4096) {
                flush();
            }
        }

        private void flush() {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            buffer.setLength(0);
        }

        @Override
        public void finish() throws SQLException {
            flush();
            copy.endCopy();
        }
    }

    /** Other databases: batched INSERTs. */
    private static final class InsertLoader implements Loader {
        private final PreparedStatement insert;
        private int pending;

        InsertLoader(Connection c, String name) throws SQLException {
            insert = c.prepareStatement("INSERT INTO " + name + " VALUES (" + "?,".repeat(COLUMNS.size() - 1) + "?)");
        }

        @Override
        public void add(List<String> row) {
            try {
                insert.setLong(1, Long.parseLong(row.get(0)));
                for (int i = 1; i < row.size(); i++) {
                    insert.setString(i + 1, row.get(i));
                }
                insert.addBatch();
                if (++pending == 10_000) {
                    insert.executeBatch();
                    pending = 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void finish() throws SQLException {
            insert.executeBatch();
            insert.close();
        }
    }

    /** Counts rows and touches every cell, as a consumer would. */
    private static final class CountingSink implements RowSink {
        long rows;
        long chars;
        int columns;

        @Override
        public void header(List<String> header) {
            columns = header.size();
        }

        @Override
        public void row(long rowNumber, long line, String[] cells) {
            rows++;
            for (String c : cells) {
                if (c != null) {
                    chars += c.length();
                }
            }
        }

        @Override
        public void rejected(long rowNumber, long line, de.grw.common.Text reason, String rawText) {
            rows++;
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        return de.grw.common.HeapUsage.peakBytes();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
