-- Version 15: accountable model versions (issue 15). A trained model is a version with its inputs, its parameters
-- and its estimated quality; it scores nothing until a supervisor other than the one who trained it activates it
-- (four eyes, enforced by the engine), and a supervisor can go back to an earlier version. The models table stays
-- immutable (version 5); what a version was trained from and how good it is estimated to be are new columns written
-- with the row, and which version is active is the last row of the append-only model_activations.
-- inputs_json:  the decisions whose labels it used (ids), the data (records, highest record id, a fingerprint of the
--               record ids), the settings (the profile's SHA-256), how it was trained and why
-- quality_json: its estimated quality (expected precision, recall and F1 at the profile's threshold, EM convergence)
-- model_sha256: SHA-256 of model_bytes, sealed into the journal entry of the training: verify compares them
ALTER TABLE models ADD COLUMN inputs_json TEXT;
ALTER TABLE models ADD COLUMN quality_json TEXT;
ALTER TABLE models ADD COLUMN model_sha256 TEXT;
-- kind: initial (the first model of a workspace, or the first for a changed profile: nothing could be matched
--       without it), activate (a supervisor activated a newer version), revert (a supervisor went back to an earlier
--       one), migrated (the active model of a workspace from before version 15)
CREATE TABLE model_activations (
    id            INTEGER PRIMARY KEY,
    version       INTEGER NOT NULL REFERENCES models(version),
    activated_at  TEXT NOT NULL,
    activated_by  TEXT NOT NULL,
    kind          TEXT NOT NULL,
    previous      INTEGER,
    comment       TEXT NOT NULL DEFAULT ''
);
INSERT INTO model_activations(version, activated_at, activated_by, kind, previous, comment)
SELECT max(version), max(estimated_at), 'migration', 'migrated', NULL, 'active before schema 15'
FROM models HAVING count(*) > 0;
CREATE TRIGGER model_activations_no_update BEFORE UPDATE ON model_activations
BEGIN SELECT RAISE(ABORT, 'model activations are append-only: going back adds a row'); END;
CREATE TRIGGER model_activations_no_delete BEFORE DELETE ON model_activations
BEGIN SELECT RAISE(ABORT, 'model activations are append-only: going back adds a row'); END;
PRAGMA user_version = 15;
