-- Version 17: the ledger seals the model versions too (see the SQLite script): models and model_activations write
-- the ctid of every row inserted, updated or deleted into ledger_changes while the workspace keeps a ledger.
CREATE TRIGGER ledger_models_change AFTER INSERT OR UPDATE OR DELETE ON models FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_model_activations_change AFTER INSERT OR UPDATE OR DELETE ON model_activations FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
