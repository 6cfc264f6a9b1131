-- Version 7: claims on clusters (as db/migration/sqlite/V7). A clerk who opens a cluster claims it until
-- expires_at (renewed while it is open); another clerk sees it read-only and the queue skips it for them; a decision
-- on it by anyone else is refused. Times are UTC, yyyy-MM-ddTHH:mm:ss.SSSZ, so that they compare as text.
CREATE TABLE cluster_claims (
    cluster_id BIGINT PRIMARY KEY REFERENCES clusters(id),
    user_name  TEXT COLLATE "C" NOT NULL,
    claimed_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL
);
