-- Version 13: accounts tied to persons, one-time passwords and a persisted sign-in lockout.
-- person: the personnel number or directory identity of the person the account belongs to (four eyes compares
--         persons, not account names); existing accounts become persons of their own (their lower-cased name
--         without hyphens and underscores, as the engine writes a person).
-- must_change: 1 while the password was set by someone else (created or reset by an administrator): the account
--         signs in but may neither propose nor approve until its holder has set a password of their own.
-- failed_sign_ins, locked_until: consecutive failed sign-ins and, after too many, until when sign-in is refused
--         (kept in the store, so the lockout holds across processes and on the server).
ALTER TABLE users ADD COLUMN person TEXT;
UPDATE users SET person = lower(replace(replace(replace(name, '-', ''), '_', ''), ' ', ''));
ALTER TABLE users ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;
CREATE INDEX users_person ON users(person);
PRAGMA user_version = 13;
