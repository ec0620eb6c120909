-- Deduplication is the messaging starter's: one inbox for every consumer (troupe_inbox, keyed by
-- consumer and message id). The services' own inboxes are merged into it, every row kept, so a
-- message processed before the upgrade still finds its row when redelivered after it.
INSERT INTO troupe_inbox (consumer, message_id, processed_at)
SELECT consumer, message_id, processed_at FROM users_inbox old
WHERE NOT EXISTS (SELECT 1 FROM troupe_inbox t WHERE t.consumer = old.consumer AND t.message_id = old.message_id);

INSERT INTO troupe_inbox (consumer, message_id, processed_at)
SELECT consumer, message_id, processed_at FROM coupons_inbox old
WHERE NOT EXISTS (SELECT 1 FROM troupe_inbox t WHERE t.consumer = old.consumer AND t.message_id = old.message_id);

INSERT INTO troupe_inbox (consumer, message_id, processed_at)
SELECT consumer, message_id, processed_at FROM gateway_inbox old
WHERE NOT EXISTS (SELECT 1 FROM troupe_inbox t WHERE t.consumer = old.consumer AND t.message_id = old.message_id);

DROP TABLE users_inbox;
DROP TABLE coupons_inbox;
DROP TABLE gateway_inbox;
