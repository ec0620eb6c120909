-- Only unpublished rows are indexed for the relay: published ones would otherwise be stepped over
-- on every claim. The due index lets a claim skip retries waiting for later.
CREATE INDEX IF NOT EXISTS ${outbox}_unpublished ON ${outbox} (id) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS ${outbox}_unpublished_key ON ${outbox} (ordering_key, id) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS ${outbox}_published_at ON ${outbox} (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS ${outbox}_due ON ${outbox} (available_at, id) WHERE published_at IS NULL;

-- Wakes the relays of every process at commit time (LISTEN ${channel}).
CREATE OR REPLACE FUNCTION ${outbox}_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('${channel}', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS ${outbox}_notify ON ${outbox};
CREATE TRIGGER ${outbox}_notify AFTER INSERT ON ${outbox} FOR EACH STATEMENT EXECUTE FUNCTION ${outbox}_notify();
