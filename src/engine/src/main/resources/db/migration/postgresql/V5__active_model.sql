-- Version 5: the active model (as db/migration/sqlite/V5). A match run no longer re-estimates the model every time:
-- the estimated model is kept (its parameters, a version number, when and by whom) until someone deliberately
-- re-estimates it; runs say which model version scored them and up to which record they matched, so that the next
-- run compares only new records. Estimated models are immutable: UPDATE, DELETE and TRUNCATE are refused.
CREATE TABLE models (
    version       INTEGER PRIMARY KEY,
    estimated_at  TEXT COLLATE "C" NOT NULL,
    estimated_by  TEXT COLLATE "C" NOT NULL,
    run_id        BIGINT REFERENCES match_runs(id),
    records       BIGINT NOT NULL,
    profile_json  TEXT COLLATE "C" NOT NULL,
    model_json    TEXT COLLATE "C" NOT NULL,
    model_bytes   BYTEA NOT NULL
);
CREATE TRIGGER models_immutable BEFORE UPDATE ON models FOR EACH ROW
EXECUTE FUNCTION grw_refuse('an estimated model is kept as estimated; re-estimating adds a new version');
CREATE TRIGGER models_kept BEFORE DELETE ON models FOR EACH ROW
EXECUTE FUNCTION grw_refuse('an estimated model is kept as estimated; re-estimating adds a new version');
CREATE TRIGGER models_not_truncated BEFORE TRUNCATE ON models FOR EACH STATEMENT
EXECUTE FUNCTION grw_refuse('an estimated model is kept as estimated; re-estimating adds a new version');
ALTER TABLE match_runs ADD COLUMN model_version INTEGER;
ALTER TABLE match_runs ADD COLUMN last_record_id BIGINT;
ALTER TABLE match_runs ADD COLUMN kind TEXT COLLATE "C";
