-- One account per Troupe user. The starter's own tables (outbox, troupe_inbox) are its migrations'.
CREATE TABLE loyalty_accounts (
    user_id   UUID PRIMARY KEY,
    email     VARCHAR(320) NOT NULL,
    points    INTEGER NOT NULL,
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set when Troupe deletes the user; the account stays, for the record of its points
    closed_at TIMESTAMP WITH TIME ZONE
);
