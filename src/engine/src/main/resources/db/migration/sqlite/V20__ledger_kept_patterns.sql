-- Version 20: the ledger seals the kept comparison-pattern counts too (issue 14). kept_patterns (schema 18: a model
-- estimation's counts, from which training estimates without reading records) joins the sealed tables: its inserts,
-- updates and deletes write the row's rowid into ledger_changes while the workspace keeps a ledger, and verify names
-- a changed row by its id (de.grw.ledger.RowKeys). A checkpoint written before this version does not name the table;
-- the next write seals it.
CREATE TRIGGER ledger_kept_patterns_ins AFTER INSERT ON kept_patterns WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('kept_patterns', NEW.rowid); END;
CREATE TRIGGER ledger_kept_patterns_upd AFTER UPDATE ON kept_patterns WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('kept_patterns', OLD.rowid); INSERT INTO ledger_changes VALUES ('kept_patterns', NEW.rowid); END;
CREATE TRIGGER ledger_kept_patterns_del AFTER DELETE ON kept_patterns WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('kept_patterns', OLD.rowid); END;
PRAGMA user_version = 20;
