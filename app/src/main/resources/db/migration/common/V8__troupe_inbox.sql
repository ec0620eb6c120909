-- The inbox of every subscriber that keeps none of its own service: the messages each consumer
-- processed, written by the messaging machinery in the handler's transaction.
CREATE TABLE troupe_inbox (
    consumer     VARCHAR(100)             NOT NULL,
    message_id   VARCHAR(200)             NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, message_id)
);
