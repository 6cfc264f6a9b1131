package de.grw.store;

/**
 * The stores a workspace test runs on. A test class runs on both with
 * {@code @ParameterizedClass @EnumSource(StoreKind.class)} and a field {@code @Parameter StoreKind store}; the
 * PostgreSQL runs are skipped when no server answers (see {@link PostgresDatabases}), except under {@code CI=true}.
 */
public enum StoreKind {
    SQLITE, POSTGRESQL
}
