package de.grw.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A workspace in one schema of a PostgreSQL database, for a server that several users reach at once: a pool of
 * connections (HikariCP), the schema created and migrated by Flyway when the store opens.
 * <p>
 * <b>Transactions.</b> Reads run {@code REPEATABLE READ READ ONLY}: one snapshot, never blocked by writers, never
 * aborted. Writes run {@code SERIALIZABLE}, and each first takes the workspace's writer lock (a session-level
 * advisory lock keyed by the schema), so writers queue one after the other as they do on SQLite
 * ({@code BEGIN IMMEDIATE}). The lock is not a matter of speed only: every write appends to the journal, one hash
 * chain whose head every writer must read and extend, so two writers can never both succeed at once; without the
 * lock PostgreSQL's serializable checks would abort all but one and the others would start again. Correctness does
 * not rest on the lock, though: a writer that does not take it (another tool, a migration, {@code writerLock=false}
 * in the tests) is still serializable, and a transaction aborted for a serialization failure or a deadlock
 * ({@code 40001}, {@code 40P01}) is rolled back and run again with a growing, jittered pause, for at least
 * {@value #ATTEMPTS} attempts and for as long as {@value #RETRY_MILLIS} ms have not passed (eight writers without
 * the lock on a loaded two-core machine lost 20 attempts in a row once; a time budget keeps that from reaching a
 * clerk while a truly stuck write still ends). Write work therefore may run more than once (see {@link Store}).
 * <p>
 * The four-eyes rule and the decisions' state changes (read a decision or cluster, check, change it) are
 * read-check-write sequences inside one such transaction: serial execution makes them safe without row locks.
 * <p>
 * <b>Accounts.</b> The store may work as the schema's owner, or as an account of its own beside an owner that runs
 * the migrations ({@link Config#withOwner}); then its account cannot change or delete records, journal entries or
 * access-log entries, nor drop the triggers that guard the rest.
 */
public final class PostgresStore implements Store {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PostgresStore.class);
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** How often a write is tried before its serialization failure is reported. */
    static final int ATTEMPTS = 20;
    /** How long a write keeps being tried after serialization failures once {@link #ATTEMPTS} are spent. */
    static final long RETRY_MILLIS = 30_000;

    private final Config config;
    private final HikariDataSource pool;
    private final Clock clock;
    private final List<Integer> migrated;
    private final long lockKey;
    private final AtomicLong retries = new AtomicLong();

    /**
     * Where the workspace lives and how to reach it.
     *
     * @param url           a JDBC URL of the database ({@code jdbc:postgresql://host:5432/grw})
     * @param user          the database account the store works as
     * @param password      its password ({@code null} for none, e.g. with a client certificate or peer
     *                      authentication)
     * @param schema        the schema that holds the workspace (created if missing): lower-case letters, digits,
     *                      {@code _}
     * @param poolSize      the most connections held open
     * @param writerLock    whether writers queue on the workspace's writer lock (always, except in tests of the
     *                      serializable fallback)
     * @param owner         the account that owns the schema and runs the migrations, or {@code null} when
     *                      {@code user} owns it. With an owner apart, {@code user} gets only what the engine does:
     *                      it reads, adds and changes rows, but it never deletes, never changes a record, a journal
     *                      entry or an access-log entry, and (not being the owner) cannot drop or disable the
     *                      triggers or alter a table: whoever learns the store's own password still cannot rewrite
     *                      the journal.
     * @param ownerPassword the owner's password ({@code null} for none)
     */
    public record Config(String url, String user, String password, String schema, int poolSize, boolean writerLock,
                         String owner, String ownerPassword) {
        public Config {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new UserFacingException(Text.of("store.pg_url", url));
            }
            if (schema == null || !SCHEMA.matcher(schema).matches()) {
                throw new UserFacingException(Text.of("store.pg_schema", schema));
            }
            if (poolSize < 1) {
                throw new IllegalArgumentException("pool size " + poolSize);
            }
            if (owner != null && owner.equals(user)) {
                owner = null;
                ownerPassword = null;
            }
        }

        /** The usual configuration: a pool of 10 connections, writers queue on the writer lock, {@code user} owns. */
        public static Config of(String url, String user, String password, String schema) {
            return new Config(url, user, password, schema, 10, true, null, null);
        }

        public Config withSchema(String otherSchema) {
            return new Config(url, user, password, otherSchema, poolSize, writerLock, owner, ownerPassword);
        }

        public Config withPoolSize(int size) {
            return new Config(url, user, password, schema, size, writerLock, owner, ownerPassword);
        }

        public Config withWriterLock(boolean lock) {
            return new Config(url, user, password, schema, poolSize, lock, owner, ownerPassword);
        }

        /** The schema owned and migrated by another account (see {@link Config}). */
        public Config withOwner(String ownerUser, String ownerUserPassword) {
            return new Config(url, user, password, schema, poolSize, writerLock, ownerUser, ownerUserPassword);
        }

        /** The URL without its query (which may carry a password), and the schema: for messages. */
        public String describe() {
            String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            return base.substring("jdbc:".length()) + " (schema " + schema + ")";
        }

        @Override
        public String toString() {
            return describe() + " as " + user + (owner == null ? "" : ", owned by " + owner);
        }
    }

    private PostgresStore(Config config, HikariDataSource pool, Clock clock, List<Integer> migrated) {
        this.config = config;
        this.pool = pool;
        this.clock = clock;
        this.migrated = migrated;
        this.lockKey = lockKey(config.schema());
    }

    /** Connects, creates the schema if it is missing and migrates it to the current version. */
    public static PostgresStore open(Config config, Clock clock) {
        HikariDataSource pool = null;
        try {
            pool = pool(config);
            List<Integer> migrated;
            int current;
            if (config.owner() == null) {
                try (Connection c = pool.getConnection()) {
                    current = hasHistory(c, config.schema()) ? PostgresDialect.INSTANCE.schemaVersion(c) : 0;
                }
                migrated = migrate(pool, config, current);
            } else {
                PGSimpleDataSource owner = new PGSimpleDataSource();
                owner.setUrl(config.url());
                owner.setUser(config.owner());
                if (config.ownerPassword() != null) {
                    owner.setPassword(config.ownerPassword());
                }
                owner.setCurrentSchema(config.schema());
                owner.setApplicationName("grw migrations");
                try (Connection c = owner.getConnection()) {
                    current = hasHistory(c, config.schema()) ? PostgresDialect.INSTANCE.schemaVersion(c) : 0;
                    migrated = migrate(owner, config, current);
                    grant(c, config);
                }
            }
            if (!migrated.isEmpty()) {
                LOG.info("workspace {} migrated from schema {} to {}", config.describe(), current,
                        migrated.get(migrated.size() - 1));
            }
            return new PostgresStore(config, pool, clock, List.copyOf(migrated));
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException(Text.of("workspace.cannot_open", config.describe(), e.getMessage()), e);
        }
    }

    /** Migrates a schema that is not current (a current one opens without Flyway, which scans and validates). */
    private static List<Integer> migrate(javax.sql.DataSource source, Config config, int current)
            throws SQLException {
        return current == Migrations.latestVersion() ? List.of()
                : Migrations.migrate(source, PostgresDialect.INSTANCE, config.schema(), current, 0,
                Migrations.latestVersion());
    }

    /**
     * Tables the store only ever adds to: the store's account may read and insert, nothing else. The estimated
     * models (schema 5) are kept as estimated: re-estimating adds a version.
     */
    static final List<String> APPEND_ONLY = List.of("records", "journal", "access_log", "access_log_records",
            "models", "model_activations");

    /**
     * What the store's account may do in a schema owned by another: use the schema; read, add, change and delete
     * rows of the working tables (the triggers still refuse deleting what is kept); read and add, nothing else, in
     * the append-only ones ({@link #APPEND_ONLY}); read the migration history; take identities. Applied on every
     * open, so tables of a later version get them too.
     */
    private static void grant(Connection c, Config config) throws SQLException {
        String schema = config.schema();
        String user = quoteIdentifier(config.user());
        List<String> tables = Sql.list(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE'", rs -> rs.getString(1), schema);
        try (var s = c.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + user);
            for (String table : tables) {
                String t = schema + "." + quoteIdentifier(table);
                s.execute("REVOKE ALL ON " + t + " FROM " + user);
                String rights = table.equals(Migrations.HISTORY) ? "SELECT"
                        : APPEND_ONLY.contains(table) ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
                s.execute("GRANT " + rights + " ON " + t + " TO " + user);
            }
            s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + user);
        }
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static HikariDataSource pool(Config config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.url());
        hc.setUsername(config.user());
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
        hc.setPoolName("grw-" + config.schema());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(Math.min(2, config.poolSize()));
        hc.setAutoCommit(true);
        hc.setConnectionTimeout(30_000);
        hc.addDataSourceProperty("currentSchema", config.schema());
        hc.addDataSourceProperty("ApplicationName", "grw");
        // bulk imports and match runs insert in batches: one multi-row INSERT per batch instead of one per row
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        // a match run reads every record: with a fetch size the driver streams them instead of holding them all
        hc.addDataSourceProperty("defaultRowFetchSize", "1000");
        hc.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(hc);
    }

    private static boolean hasHistory(Connection c, String schema) throws SQLException {
        return Sql.number(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND "
                + "table_name = ?", schema, Migrations.HISTORY) > 0;
    }

    /** The advisory lock of a schema's writers: 64 bits of a SHA-256 of the schema's name. */
    private static long lockKey(String schema) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("grw writer " + schema)
                    .getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (d[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Config config() {
        return config;
    }

    @Override
    public String name() {
        return config.describe();
    }

    @Override
    public Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public List<Integer> migrated() {
        return migrated;
    }

    /** Write transactions run again after a serialization failure or deadlock since the store was opened. */
    public long retries() {
        return retries.get();
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return commitOrRollBack(c, work);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        long began = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(work);
            } catch (SQLException e) {
                boolean spent = attempt >= ATTEMPTS && System.nanoTime() - began > RETRY_MILLIS * 1_000_000L;
                if (!retryable(e) || spent) {
                    throw failed(e);
                }
                retries.incrementAndGet();
                LOG.debug("write on {} lost a serialization conflict ({}); attempt {} follows", name(),
                        e.getSQLState(), attempt + 1);
                pause(attempt);
            }
        }
    }

    private <T> T writeOnce(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            boolean locked = false;
            try {
                if (config.writerLock()) {
                    Sql.first(c, "SELECT pg_advisory_lock(?)", rs -> null, lockKey);
                    locked = true;
                }
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                return commitOrRollBack(c, work);
            } finally {
                release(c, locked);
            }
        }
    }

    /** Runs work in the transaction the connection has begun: committed when it returns, else rolled back. */
    private static <T> T commitOrRollBack(Connection c, SqlWork<T> work) throws SQLException {
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    /** Back to auto-commit, and the writer lock released; a connection that cannot release it is dropped. */
    private void release(Connection c, boolean locked) {
        try {
            c.setAutoCommit(true);
            if (locked && !Sql.first(c, "SELECT pg_advisory_unlock(?)", rs -> rs.getBoolean(1), lockKey)
                    .orElse(false)) {
                throw new SQLException("the writer lock was not held");
            }
        } catch (SQLException e) {
            LOG.warn("connection to {} dropped: could not release the writer lock ({})", name(), e.getMessage());
            pool.evictConnection(c);
        }
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        long cap = Math.min(200, 2L << Math.min(attempt, 7));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException(Text.of("store.interrupted"));
        }
    }

    private UserFacingException failed(SQLException e) {
        LOG.error("transaction on {} failed and was rolled back", name(), e);
        return new UserFacingException(name() + ": " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    /**
     * PostgreSQL finds damaged pages itself when it reads them (with data checksums, {@code initdb -k}, also
     * damage below it); this checks that the store answers and holds the schema version this build works with.
     */
    @Override
    public void checkIntegrity() {
        int version = read(c -> PostgresDialect.INSTANCE.schemaVersion(c));
        if (version != Migrations.latestVersion()) {
            throw new UserFacingException(Text.of("store.pg_schema_version", name(), version,
                    Migrations.latestVersion()));
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
