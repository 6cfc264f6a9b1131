-- Version 4: what the engine keeps is never deleted (decisions, golden records with their members and values,
-- cannot-links), and the access log's lists of records are append-only like the log itself (which refuses UPDATE
-- and DELETE since version 1). The access log is read by access id: an index for it.
-- These triggers stop a mistake or a tool that goes through SQL; they do not stop the owner of the file, who can
-- drop them (see README, "Two stores").
CREATE INDEX access_log_records_access ON access_log_records(access_id);
CREATE TRIGGER access_log_records_no_update BEFORE UPDATE ON access_log_records
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER access_log_records_no_delete BEFORE DELETE ON access_log_records
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER decisions_kept BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions cannot be deleted'); END;
CREATE TRIGGER golden_records_kept BEFORE DELETE ON golden_records
BEGIN SELECT RAISE(ABORT, 'golden records and their history cannot be deleted'); END;
CREATE TRIGGER golden_members_kept BEFORE DELETE ON golden_members
BEGIN SELECT RAISE(ABORT, 'golden records and their history cannot be deleted'); END;
CREATE TRIGGER golden_values_kept BEFORE DELETE ON golden_values
BEGIN SELECT RAISE(ABORT, 'golden records and their history cannot be deleted'); END;
CREATE TRIGGER cannot_links_kept BEFORE DELETE ON cannot_links
BEGIN SELECT RAISE(ABORT, 'cannot-links cannot be deleted'); END;
PRAGMA user_version = 4;
