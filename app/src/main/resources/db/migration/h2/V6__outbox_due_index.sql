-- Lets the claim find due rows without stepping over retries that wait for later (see the
-- PostgreSQL script; H2 has no partial indexes).
CREATE INDEX outbox_due ON outbox (published_at, available_at, id);
