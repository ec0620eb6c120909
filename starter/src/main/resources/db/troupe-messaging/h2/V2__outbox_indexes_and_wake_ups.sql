-- H2 has no partial indexes: the same lookups, on whole columns. No NOTIFY either: relays of
-- other processes find new rows by polling.
CREATE INDEX IF NOT EXISTS ${outbox}_unpublished ON ${outbox} (published_at, id);
CREATE INDEX IF NOT EXISTS ${outbox}_unpublished_key ON ${outbox} (ordering_key, id);
CREATE INDEX IF NOT EXISTS ${outbox}_due ON ${outbox} (published_at, available_at, id);
