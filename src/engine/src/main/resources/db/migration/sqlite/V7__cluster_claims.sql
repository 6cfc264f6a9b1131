-- Version 7: claims on clusters. A clerk who opens a cluster claims it until expires_at (renewed while it is open);
-- another clerk sees it read-only and the queue skips it for them; a decision on it by anyone else is refused.
-- One claim per cluster; an expired claim is taken over by the next who opens the cluster. Times are UTC,
-- yyyy-MM-ddTHH:mm:ss.SSSZ, so that they compare as text. (Versions 5 and 6 belong to another branch.)
CREATE TABLE cluster_claims (
    cluster_id INTEGER PRIMARY KEY REFERENCES clusters(id),
    user_name  TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
PRAGMA user_version = 7;
