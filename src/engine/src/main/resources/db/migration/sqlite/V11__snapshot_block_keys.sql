-- Version 11: the blocking keys of the records of each snapshot segment (per blocking rule of the profile, each
-- record's key hashes), derived like the segment itself and written with it, so that an incremental run computes
-- keys only for the records new since the last run. NULL for segments written before: their records' keys are
-- computed by the run, as before. Nothing in it is new data.
ALTER TABLE record_snapshots ADD COLUMN block_keys BLOB;
PRAGMA user_version = 11;
