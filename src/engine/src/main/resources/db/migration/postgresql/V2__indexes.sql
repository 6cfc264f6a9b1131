-- Version 2: indexes for the review queue, golden-record lookups and access-log queries by person and by user.
CREATE INDEX clusters_status ON clusters(status, min_probability);
CREATE INDEX cluster_members_record ON cluster_members(record_id);
CREATE INDEX decisions_cluster ON decisions(cluster_id);
CREATE INDEX golden_members_record ON golden_members(record_id);
CREATE INDEX golden_values_golden ON golden_values(golden_id);
CREATE INDEX cannot_links_a ON cannot_links(record_a);
CREATE INDEX access_log_user ON access_log(user_name, at);
CREATE INDEX access_log_records_record ON access_log_records(record_id);
