-- Workspace schema, version 1. One SQLite file per workspace (db/migration/postgresql/V1 is the same schema for PostgreSQL).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    name        TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('CLERK', 'SUPERVISOR', 'ADMINISTRATOR')),
    salt        BLOB NOT NULL,
    hash        BLOB NOT NULL,
    iterations  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    disabled    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sources (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    format       TEXT NOT NULL,
    columns_json TEXT NOT NULL,
    mapping_json TEXT NOT NULL,
    profile_name TEXT NOT NULL,
    rows_read    INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL
);

-- Each record exactly as imported (cells) beside its canonical and normalised forms. Never modified.
CREATE TABLE records (
    id              INTEGER PRIMARY KEY,
    source_id       INTEGER NOT NULL REFERENCES sources(id),
    record_key      TEXT NOT NULL,
    row_number      INTEGER NOT NULL,
    line            INTEGER NOT NULL,
    cells_json      TEXT NOT NULL,
    values_json     TEXT NOT NULL,
    normalised_json TEXT NOT NULL,
    blocked         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_id, record_key)
);
CREATE TRIGGER records_immutable BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'records are kept exactly as imported and cannot be changed'); END;
CREATE TRIGGER records_kept BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'records cannot be deleted'); END;

CREATE TABLE import_problems (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES sources(id),
    line       INTEGER NOT NULL,
    row_number INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    column_name TEXT NOT NULL,
    message    TEXT NOT NULL,
    raw        TEXT NOT NULL
);

CREATE TABLE match_runs (
    id           INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,
    finished_at  TEXT NOT NULL,
    started_by   TEXT NOT NULL,
    threshold    REAL NOT NULL,
    profile_json TEXT NOT NULL,
    model_json   TEXT NOT NULL,
    stats_json   TEXT NOT NULL
);

-- A candidate cluster is identified by its member set (fingerprint); it survives re-runs that reproduce it.
CREATE TABLE clusters (
    id              INTEGER PRIMARY KEY,
    fingerprint     TEXT NOT NULL UNIQUE,
    first_run       INTEGER NOT NULL REFERENCES match_runs(id),
    last_run        INTEGER NOT NULL REFERENCES match_runs(id),
    status          TEXT NOT NULL,
    size            INTEGER NOT NULL,
    min_probability REAL NOT NULL,
    max_probability REAL NOT NULL,
    note            TEXT NOT NULL DEFAULT ''
);
CREATE TABLE cluster_members (
    cluster_id INTEGER NOT NULL REFERENCES clusters(id),
    record_id  INTEGER NOT NULL REFERENCES records(id),
    PRIMARY KEY (cluster_id, record_id)
);
CREATE TABLE cluster_pairs (
    cluster_id   INTEGER NOT NULL REFERENCES clusters(id),
    record_a     INTEGER NOT NULL REFERENCES records(id),
    record_b     INTEGER NOT NULL REFERENCES records(id),
    probability  REAL NOT NULL,
    weight       REAL NOT NULL,
    explanation_json TEXT NOT NULL,
    PRIMARY KEY (cluster_id, record_a, record_b)
);

CREATE TABLE decisions (
    id           INTEGER PRIMARY KEY,
    cluster_id   INTEGER REFERENCES clusters(id),
    kind         TEXT NOT NULL,
    state        TEXT NOT NULL,
    proposed_by  TEXT NOT NULL,
    proposed_at  TEXT NOT NULL,
    comment      TEXT NOT NULL,
    case_ref     TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    reviewed_by  TEXT,
    reviewed_at  TEXT,
    review_comment TEXT,
    reverts      INTEGER REFERENCES decisions(id)
);

CREATE TABLE golden_records (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    created_by_decision INTEGER NOT NULL REFERENCES decisions(id),
    status      TEXT NOT NULL,
    merged_into TEXT
);
CREATE TABLE golden_members (
    golden_id   TEXT NOT NULL REFERENCES golden_records(id),
    record_id   INTEGER NOT NULL REFERENCES records(id),
    added_by    INTEGER NOT NULL REFERENCES decisions(id),
    removed_by  INTEGER REFERENCES decisions(id)
);
CREATE TABLE golden_values (
    golden_id   TEXT NOT NULL REFERENCES golden_records(id),
    field       TEXT NOT NULL,
    value       TEXT,
    origin      TEXT NOT NULL CHECK (origin IN ('RECORD', 'MANUAL')),
    origin_record INTEGER REFERENCES records(id),
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    superseded_by INTEGER REFERENCES decisions(id)
);

CREATE TABLE cannot_links (
    record_a    INTEGER NOT NULL REFERENCES records(id),
    record_b    INTEGER NOT NULL REFERENCES records(id),
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    revoked_by  INTEGER REFERENCES decisions(id),
    CHECK (record_a < record_b)
);

-- Append-only, hash-chained journal of every change.
CREATE TABLE journal (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action    TEXT NOT NULL,
    payload   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

-- Who saw or exported which records, when, and for which case.
CREATE TABLE access_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    action     TEXT NOT NULL,
    case_ref   TEXT NOT NULL,
    detail     TEXT NOT NULL
);
CREATE TABLE access_log_records (
    access_id INTEGER NOT NULL REFERENCES access_log(id),
    record_id INTEGER NOT NULL REFERENCES records(id)
);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;

-- the version in the file header as well, as workspaces from before Flyway carry it (an older build reads it)
PRAGMA user_version = 1;
