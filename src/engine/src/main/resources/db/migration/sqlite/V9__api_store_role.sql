-- Version 9: the role API_STORE for accounts of other applications that may also store a linked record as a new
-- record of an existing source (POST /api/v1/link with "store"); such a record enters the review queue with its
-- candidates when it is not certain, and is never merged by itself. SQLite cannot change a CHECK constraint, so the
-- accounts move into a table that allows the new role, row for row (as in version 8).
CREATE TABLE users_v9 (
    name        TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('CLERK', 'SUPERVISOR', 'ADMINISTRATOR', 'API', 'API_STORE')),
    salt        BLOB NOT NULL,
    hash        BLOB NOT NULL,
    iterations  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    disabled    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO users_v9(name, role, salt, hash, iterations, created_at, disabled)
    SELECT name, role, salt, hash, iterations, created_at, disabled FROM users;
DROP TABLE users;
ALTER TABLE users_v9 RENAME TO users;
PRAGMA user_version = 9;
