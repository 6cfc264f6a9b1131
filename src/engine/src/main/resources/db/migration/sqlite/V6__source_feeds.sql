-- Version 6: daily feeds appended to an existing source. Each appended file is a feed of its source (what was read,
-- when, by whom, its SHA-256 against appending it twice, and what it brought); its records and problems name it.
-- Records stay immutable: a key already present in the source is reported and skipped, never changed.
CREATE TABLE source_feeds (
    id               INTEGER PRIMARY KEY,
    source_id        INTEGER NOT NULL REFERENCES sources(id),
    file_name        TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    appended_at      TEXT NOT NULL,
    appended_by      TEXT NOT NULL,
    rows_read        INTEGER NOT NULL DEFAULT 0,
    rows_rejected    INTEGER NOT NULL DEFAULT 0,
    records_appended INTEGER NOT NULL DEFAULT 0,
    keys_present     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX source_feeds_sha ON source_feeds(sha256);
ALTER TABLE records ADD COLUMN feed_id INTEGER REFERENCES source_feeds(id);
ALTER TABLE import_problems ADD COLUMN feed_id INTEGER REFERENCES source_feeds(id);
PRAGMA user_version = 6;
