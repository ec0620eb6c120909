-- H2 has no partial indexes: the same lookups, on whole columns.
CREATE INDEX outbox_unpublished ON outbox (published_at, id);
CREATE INDEX outbox_unpublished_key ON outbox (ordering_key, id);
