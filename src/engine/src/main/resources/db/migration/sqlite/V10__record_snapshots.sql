-- Version 10: a derived, rebuildable snapshot of the records as a match run reads them (source, key and the values
-- of the profile's fields, in a compact binary layout), written in segments at the end of a match run, so that the
-- next run reads only the records appended since. Nothing in it is new data: deleting every row only makes the next
-- run read all records again.
CREATE TABLE record_snapshots (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint      TEXT NOT NULL,
    first_record_id  INTEGER NOT NULL,
    last_record_id   INTEGER NOT NULL,
    record_count     INTEGER NOT NULL,
    id_sum           INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    data             BLOB NOT NULL
);
CREATE INDEX record_snapshots_fingerprint ON record_snapshots(fingerprint, first_record_id);
PRAGMA user_version = 10;
