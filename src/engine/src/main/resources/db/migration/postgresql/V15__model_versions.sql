-- Version 15: accountable model versions (as db/migration/sqlite/V15). The models table stays immutable; inputs,
-- estimated quality and the parameters' SHA-256 are columns written with the row; which version is active is the
-- last row of the append-only model_activations (UPDATE, DELETE and TRUNCATE refused).
ALTER TABLE models ADD COLUMN inputs_json TEXT COLLATE "C";
ALTER TABLE models ADD COLUMN quality_json TEXT COLLATE "C";
ALTER TABLE models ADD COLUMN model_sha256 TEXT COLLATE "C";
CREATE TABLE model_activations (
    id            BIGINT PRIMARY KEY,
    version       INTEGER NOT NULL REFERENCES models(version),
    activated_at  TEXT COLLATE "C" NOT NULL,
    activated_by  TEXT COLLATE "C" NOT NULL,
    kind          TEXT COLLATE "C" NOT NULL,
    previous      INTEGER,
    comment       TEXT COLLATE "C" NOT NULL DEFAULT ''
);
INSERT INTO model_activations(id, version, activated_at, activated_by, kind, previous, comment)
SELECT 1, max(version), max(estimated_at), 'migration', 'migrated', NULL, 'active before schema 15'
FROM models HAVING count(*) > 0;
CREATE TRIGGER model_activations_no_update BEFORE UPDATE ON model_activations FOR EACH ROW
EXECUTE FUNCTION grw_refuse('model activations are append-only: going back adds a row');
CREATE TRIGGER model_activations_no_delete BEFORE DELETE ON model_activations FOR EACH ROW
EXECUTE FUNCTION grw_refuse('model activations are append-only: going back adds a row');
CREATE TRIGGER model_activations_not_truncated BEFORE TRUNCATE ON model_activations FOR EACH STATEMENT
EXECUTE FUNCTION grw_refuse('model activations are append-only: going back adds a row');
