-- Version 8: the role API for accounts of other applications (real-time linking: link, search and read golden
-- records, always with a case reference).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('CLERK', 'SUPERVISOR', 'ADMINISTRATOR', 'API'));
