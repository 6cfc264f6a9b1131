-- Version 13: accounts tied to persons, one-time passwords and a persisted sign-in lockout (see the SQLite script).
ALTER TABLE users ADD COLUMN person TEXT;
UPDATE users SET person = lower(replace(replace(replace(name, '-', ''), '_', ''), ' ', ''));
ALTER TABLE users ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;
CREATE INDEX users_person ON users(person);
