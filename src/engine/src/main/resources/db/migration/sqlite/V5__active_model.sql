-- Version 5: the active model. A match run no longer re-estimates the model every time: the estimated model is kept
-- (its parameters, a version number, when and by whom) until someone deliberately re-estimates it; runs say which
-- model version scored them and up to which record they matched, so that the next run compares only new records.
CREATE TABLE models (
    version       INTEGER PRIMARY KEY,
    estimated_at  TEXT NOT NULL,
    estimated_by  TEXT NOT NULL,
    run_id        INTEGER REFERENCES match_runs(id),
    records       INTEGER NOT NULL,
    profile_json  TEXT NOT NULL,
    model_json    TEXT NOT NULL,
    model_bytes   BLOB NOT NULL
);
CREATE TRIGGER models_immutable BEFORE UPDATE ON models
BEGIN SELECT RAISE(ABORT, 'an estimated model is kept as estimated; re-estimating adds a new version'); END;
CREATE TRIGGER models_kept BEFORE DELETE ON models
BEGIN SELECT RAISE(ABORT, 'an estimated model is kept as estimated; re-estimating adds a new version'); END;
ALTER TABLE match_runs ADD COLUMN model_version INTEGER;
ALTER TABLE match_runs ADD COLUMN last_record_id INTEGER;
ALTER TABLE match_runs ADD COLUMN kind TEXT;
PRAGMA user_version = 5;
