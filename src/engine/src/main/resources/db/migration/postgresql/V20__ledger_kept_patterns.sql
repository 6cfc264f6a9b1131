-- Version 20: the ledger seals the kept comparison-pattern counts too (see the SQLite script): kept_patterns writes
-- the ctid of every row inserted, updated or deleted into ledger_changes while the workspace keeps a ledger.
CREATE TRIGGER ledger_kept_patterns_change AFTER INSERT OR UPDATE OR DELETE ON kept_patterns FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
