-- Version 14: the ledger's change log (see the SQLite script): the row's ctid, old and new, of every write to a
-- sealed table while the workspace keeps a ledger.
CREATE TABLE ledger_changes (
    tbl     TEXT COLLATE "C" NOT NULL,
    row_ref TEXT COLLATE "C" NOT NULL
);
CREATE FUNCTION grw_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM settings WHERE key = 'ledger.id') THEN
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO ledger_changes VALUES (TG_TABLE_NAME, OLD.ctid::text);
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO ledger_changes VALUES (TG_TABLE_NAME, NEW.ctid::text);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER ledger_settings_change AFTER INSERT OR UPDATE OR DELETE ON settings FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_users_change AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_sources_change AFTER INSERT OR UPDATE OR DELETE ON sources FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_decisions_change AFTER INSERT OR UPDATE OR DELETE ON decisions FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_golden_records_change AFTER INSERT OR UPDATE OR DELETE ON golden_records FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_golden_members_change AFTER INSERT OR UPDATE OR DELETE ON golden_members FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_golden_values_change AFTER INSERT OR UPDATE OR DELETE ON golden_values FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_cannot_links_change AFTER INSERT OR UPDATE OR DELETE ON cannot_links FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_access_log_change AFTER INSERT OR UPDATE OR DELETE ON access_log FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
CREATE TRIGGER ledger_access_log_records_change AFTER INSERT OR UPDATE OR DELETE ON access_log_records FOR EACH ROW
EXECUTE FUNCTION grw_ledger_change();
