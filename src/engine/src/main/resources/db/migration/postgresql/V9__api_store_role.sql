-- Version 9: the role API_STORE for accounts of other applications that may also store a linked record as a new
-- record of an existing source (POST /api/v1/link with "store"); such a record enters the review queue with its
-- candidates when it is not certain, and is never merged by itself.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('CLERK', 'SUPERVISOR', 'ADMINISTRATOR', 'API', 'API_STORE'));
