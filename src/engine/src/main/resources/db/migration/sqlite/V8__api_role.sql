-- Version 8: the role API for accounts of other applications (real-time linking: link, search and read golden
-- records, always with a case reference). SQLite cannot change a CHECK constraint, so the accounts move into a table
-- that allows the new role, row for row (nothing references users by key; the journal names accounts by name).
CREATE TABLE users_v8 (
    name        TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('CLERK', 'SUPERVISOR', 'ADMINISTRATOR', 'API')),
    salt        BLOB NOT NULL,
    hash        BLOB NOT NULL,
    iterations  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    disabled    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO users_v8(name, role, salt, hash, iterations, created_at, disabled)
    SELECT name, role, salt, hash, iterations, created_at, disabled FROM users;
DROP TABLE users;
ALTER TABLE users_v8 RENAME TO users;
PRAGMA user_version = 8;
