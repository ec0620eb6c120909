-- The gateway's record of the events it has applied to its requests.
CREATE TABLE gateway_inbox (
    consumer     VARCHAR(100)             NOT NULL,
    message_id   VARCHAR(200)             NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, message_id)
);
