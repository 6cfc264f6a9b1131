-- Version 3: import problems keep their wording by key (JSON of key and arguments), so that the desktop shows them
-- in the user's language; message stays the English text. Problems imported before version 3 have none.
ALTER TABLE import_problems ADD COLUMN message_text TEXT COLLATE "C";
