package de.grw.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's versions as Flyway migrations, one folder per dialect ({@code db/migration/sqlite/V1__workspace.sql},
 * {@code db/migration/postgresql/V1__workspace.sql}, ...), with the same version numbers and the same meaning in
 * both: version {@code n} of a SQLite workspace and of a PostgreSQL one hold the same tables and columns.
 * <p>
 * Flyway keeps what it applied in {@value #HISTORY}. A SQLite workspace also carries its version in
 * {@code user_version} (each SQLite script sets it in its own transaction), as every workspace did before Flyway:
 * such a workspace has no history table yet and is <em>baselined</em> at its {@code user_version} (1, 2 or 3),
 * then migrated on from there; and an older build still refuses a newer workspace by that number. Opening a store
 * applies the missing migrations in one transaction (Flyway's {@code group}): a failure leaves the older version.
 */
public final class Migrations {
    /** Flyway's table of applied migrations, in every store. */
    public static final String HISTORY = "flyway_schema_history";
    /** The schema version this build brings every store to. */
    private static final int LATEST = 20;

    private Migrations() {
    }

    public static int latestVersion() {
        return LATEST;
    }

    /** The schema version of the store a connection belongs to. */
    public static int version(Connection c) throws SQLException {
        return Dialect.of(c).schemaVersion(c);
    }

    /**
     * Brings a store to {@code target}, applying what is missing in one transaction.
     *
     * @param schema   the PostgreSQL schema (created if missing), or {@code null} for SQLite
     * @param baseline the version a store without history table is at (a SQLite workspace from before Flyway: its
     *                 {@code user_version}); 0 for a new, empty store
     * @return the versions applied, ascending
     * @throws SQLException when the store was written by a newer build, or a migration fails (message from Flyway)
     */
    static List<Integer> migrate(DataSource dataSource, Dialect dialect, String schema, int current, int baseline,
                                 int target) throws SQLException {
        if (current > LATEST) {
            throw new SQLException("the workspace was written by a newer version of the workbench (schema "
                    + current + ", this version knows " + LATEST + ")");
        }
        FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.name())
                .table(HISTORY)
                .target(MigrationVersion.fromVersion(Integer.toString(target)))
                .group(true)
                .mixed(false)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .loggers("slf4j");
        if (schema != null) {
            config.schemas(schema).createSchemas(true);
        }
        if (baseline > 0) {
            config.baselineOnMigrate(true).baselineVersion(Integer.toString(baseline))
                    .baselineDescription("workspace schema " + baseline + " from before Flyway");
        }
        try {
            MigrateResult result = config.load().migrate();
            List<Integer> applied = new ArrayList<>();
            for (MigrateOutput m : result.migrations) {
                applied.add(Integer.parseInt(m.version));
            }
            return applied;
        } catch (FlywayException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }
}
