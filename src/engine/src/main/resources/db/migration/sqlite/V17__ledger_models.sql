-- Version 17: the ledger seals the model versions too (issue 14). models (a version's parameters, inputs, quality
-- and SHA-256) and model_activations (which version is active, by whom) join the sealed tables of version 14: their
-- inserts, updates and deletes write the row's rowid into ledger_changes while the workspace keeps a ledger, and a
-- write re-hashes only these rows (de.grw.ledger.RowDigestRepository). A checkpoint written before this version
-- does not name the two tables; the next write seals them.
CREATE TRIGGER ledger_models_ins AFTER INSERT ON models WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('models', NEW.rowid); END;
CREATE TRIGGER ledger_models_upd AFTER UPDATE ON models WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('models', OLD.rowid); INSERT INTO ledger_changes VALUES ('models', NEW.rowid); END;
CREATE TRIGGER ledger_models_del AFTER DELETE ON models WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('models', OLD.rowid); END;
CREATE TRIGGER ledger_model_activations_ins AFTER INSERT ON model_activations WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('model_activations', NEW.rowid); END;
CREATE TRIGGER ledger_model_activations_upd AFTER UPDATE ON model_activations WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('model_activations', OLD.rowid); INSERT INTO ledger_changes VALUES ('model_activations', NEW.rowid); END;
CREATE TRIGGER ledger_model_activations_del AFTER DELETE ON model_activations WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('model_activations', OLD.rowid); END;
PRAGMA user_version = 17;
