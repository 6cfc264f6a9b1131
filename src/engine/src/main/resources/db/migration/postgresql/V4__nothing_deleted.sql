-- Version 4: what the engine keeps is never deleted (decisions, golden records with their members and values,
-- cannot-links), and the access log's lists of records are append-only like the log itself. The access log is
-- read by access id: an index for it. (As db/migration/sqlite/V4; TRUNCATE is refused as well.)
CREATE INDEX access_log_records_access ON access_log_records(access_id);
CREATE TRIGGER access_log_records_no_update BEFORE UPDATE ON access_log_records FOR EACH ROW
EXECUTE FUNCTION grw_refuse('the access log is append-only');
CREATE TRIGGER access_log_records_no_delete BEFORE DELETE ON access_log_records FOR EACH ROW
EXECUTE FUNCTION grw_refuse('the access log is append-only');
CREATE TRIGGER access_log_records_no_truncate BEFORE TRUNCATE ON access_log_records FOR EACH STATEMENT
EXECUTE FUNCTION grw_refuse('the access log is append-only');
CREATE TRIGGER decisions_kept BEFORE DELETE ON decisions FOR EACH ROW
EXECUTE FUNCTION grw_refuse('decisions cannot be deleted');
CREATE TRIGGER decisions_not_truncated BEFORE TRUNCATE ON decisions FOR EACH STATEMENT
EXECUTE FUNCTION grw_refuse('decisions cannot be deleted');
CREATE TRIGGER golden_records_kept BEFORE DELETE ON golden_records FOR EACH ROW
EXECUTE FUNCTION grw_refuse('golden records and their history cannot be deleted');
CREATE TRIGGER golden_members_kept BEFORE DELETE ON golden_members FOR EACH ROW
EXECUTE FUNCTION grw_refuse('golden records and their history cannot be deleted');
CREATE TRIGGER golden_values_kept BEFORE DELETE ON golden_values FOR EACH ROW
EXECUTE FUNCTION grw_refuse('golden records and their history cannot be deleted');
CREATE TRIGGER cannot_links_kept BEFORE DELETE ON cannot_links FOR EACH ROW
EXECUTE FUNCTION grw_refuse('cannot-links cannot be deleted');
