-- Version 14: the ledger's change log. Every insert, update and delete of a table the ledger seals records the
-- rowid of the row it wrote (old and new), while the workspace keeps a ledger (its setting ledger.id). At the end of
-- a write the ledger re-hashes only these rows (de.grw.ledger.RowDigestRepository) instead of every sealed row, and empties
-- the log. The log is not sealed itself: a row missing from it (a trigger dropped) leaves the ledger's digest
-- unchanged, so the change is still found by the next full check (verify, or a write after another connection's).
CREATE TABLE ledger_changes (
    tbl     TEXT NOT NULL,
    row_ref TEXT NOT NULL
);
CREATE TRIGGER ledger_settings_ins AFTER INSERT ON settings WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('settings', NEW.rowid); END;
CREATE TRIGGER ledger_settings_upd AFTER UPDATE ON settings WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('settings', OLD.rowid); INSERT INTO ledger_changes VALUES ('settings', NEW.rowid); END;
CREATE TRIGGER ledger_settings_del AFTER DELETE ON settings WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('settings', OLD.rowid); END;
CREATE TRIGGER ledger_users_ins AFTER INSERT ON users WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('users', NEW.rowid); END;
CREATE TRIGGER ledger_users_upd AFTER UPDATE ON users WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('users', OLD.rowid); INSERT INTO ledger_changes VALUES ('users', NEW.rowid); END;
CREATE TRIGGER ledger_users_del AFTER DELETE ON users WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('users', OLD.rowid); END;
CREATE TRIGGER ledger_sources_ins AFTER INSERT ON sources WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('sources', NEW.rowid); END;
CREATE TRIGGER ledger_sources_upd AFTER UPDATE ON sources WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('sources', OLD.rowid); INSERT INTO ledger_changes VALUES ('sources', NEW.rowid); END;
CREATE TRIGGER ledger_sources_del AFTER DELETE ON sources WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('sources', OLD.rowid); END;
CREATE TRIGGER ledger_decisions_ins AFTER INSERT ON decisions WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('decisions', NEW.rowid); END;
CREATE TRIGGER ledger_decisions_upd AFTER UPDATE ON decisions WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('decisions', OLD.rowid); INSERT INTO ledger_changes VALUES ('decisions', NEW.rowid); END;
CREATE TRIGGER ledger_decisions_del AFTER DELETE ON decisions WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('decisions', OLD.rowid); END;
CREATE TRIGGER ledger_golden_records_ins AFTER INSERT ON golden_records WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('golden_records', NEW.rowid); END;
CREATE TRIGGER ledger_golden_records_upd AFTER UPDATE ON golden_records WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('golden_records', OLD.rowid); INSERT INTO ledger_changes VALUES ('golden_records', NEW.rowid); END;
CREATE TRIGGER ledger_golden_records_del AFTER DELETE ON golden_records WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('golden_records', OLD.rowid); END;
CREATE TRIGGER ledger_golden_members_ins AFTER INSERT ON golden_members WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('golden_members', NEW.rowid); END;
CREATE TRIGGER ledger_golden_members_upd AFTER UPDATE ON golden_members WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('golden_members', OLD.rowid); INSERT INTO ledger_changes VALUES ('golden_members', NEW.rowid); END;
CREATE TRIGGER ledger_golden_members_del AFTER DELETE ON golden_members WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('golden_members', OLD.rowid); END;
CREATE TRIGGER ledger_golden_values_ins AFTER INSERT ON golden_values WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('golden_values', NEW.rowid); END;
CREATE TRIGGER ledger_golden_values_upd AFTER UPDATE ON golden_values WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('golden_values', OLD.rowid); INSERT INTO ledger_changes VALUES ('golden_values', NEW.rowid); END;
CREATE TRIGGER ledger_golden_values_del AFTER DELETE ON golden_values WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('golden_values', OLD.rowid); END;
CREATE TRIGGER ledger_cannot_links_ins AFTER INSERT ON cannot_links WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('cannot_links', NEW.rowid); END;
CREATE TRIGGER ledger_cannot_links_upd AFTER UPDATE ON cannot_links WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('cannot_links', OLD.rowid); INSERT INTO ledger_changes VALUES ('cannot_links', NEW.rowid); END;
CREATE TRIGGER ledger_cannot_links_del AFTER DELETE ON cannot_links WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('cannot_links', OLD.rowid); END;
CREATE TRIGGER ledger_access_log_ins AFTER INSERT ON access_log WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('access_log', NEW.rowid); END;
CREATE TRIGGER ledger_access_log_upd AFTER UPDATE ON access_log WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('access_log', OLD.rowid); INSERT INTO ledger_changes VALUES ('access_log', NEW.rowid); END;
CREATE TRIGGER ledger_access_log_del AFTER DELETE ON access_log WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('access_log', OLD.rowid); END;
CREATE TRIGGER ledger_access_log_records_ins AFTER INSERT ON access_log_records WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('access_log_records', NEW.rowid); END;
CREATE TRIGGER ledger_access_log_records_upd AFTER UPDATE ON access_log_records WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('access_log_records', OLD.rowid); INSERT INTO ledger_changes VALUES ('access_log_records', NEW.rowid); END;
CREATE TRIGGER ledger_access_log_records_del AFTER DELETE ON access_log_records WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id')
BEGIN INSERT INTO ledger_changes VALUES ('access_log_records', OLD.rowid); END;
PRAGMA user_version = 14;
