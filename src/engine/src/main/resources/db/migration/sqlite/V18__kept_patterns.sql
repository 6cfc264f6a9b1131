-- Version 18: what a model is trained from, kept with the run that counted it (issue 15), so that retraining after
-- a decision needs neither the records nor a second scoring of all pairs. A row holds the candidate pairs'
-- comparison vectors with their counts (distinct vectors, about ten thousand at a million records), the counts the
-- EM saw (the candidates plus the household pairs blocking left out), the u probabilities from random pairs, and
-- which records they were counted over (count, highest id and sum of ids, as the record snapshot checks; the
-- SHA-256 of the ids a model version names as its data) and with
-- which profile. Like the record snapshot it is derived and rebuildable: a training that finds no row for the
-- records and profile of today reads the records and keeps a new row.
-- candidates / em_counts: big-endian pairs of 8-byte vector and 8-byte count, ascending by vector
CREATE TABLE kept_patterns (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id          INTEGER,
    kept_at         TEXT NOT NULL,
    profile_sha256  TEXT NOT NULL,
    record_count    INTEGER NOT NULL,
    last_record_id  INTEGER NOT NULL,
    id_sum          INTEGER NOT NULL,
    records_sha256  TEXT NOT NULL,
    total_pairs     REAL NOT NULL,
    u_json          TEXT NOT NULL,
    candidates      BLOB NOT NULL,
    em_counts       BLOB NOT NULL
);
CREATE INDEX kept_patterns_records ON kept_patterns(profile_sha256, record_count, last_record_id);
-- the comparison vector of a cluster's weakest link (the pair the queue shows), written with the cluster: the
-- active-learning order reads it for a whole page at once instead of one cluster's stored pairs per queue row
ALTER TABLE clusters ADD COLUMN weakest_pattern INTEGER;
PRAGMA user_version = 18;
