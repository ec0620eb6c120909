package dev.troupe.messaging;

import java.time.Duration;

/** Trims the inbox to the retention period; run hourly by the starter's {@link Housekeeping}. */
public class InboxJanitor {

    private final Inbox inbox;
    private final Duration retention;

    InboxJanitor(Inbox inbox, Duration retention) {
        this.inbox = inbox;
        this.retention = retention;
    }

    public int deleteExpired() {
        return inbox.deleteOlderThan(retention);
    }
}
