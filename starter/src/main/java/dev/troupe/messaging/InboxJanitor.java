package dev.troupe.messaging;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;

/** Trims the inbox to the retention period, once an hour. */
public class InboxJanitor {

    private final Inbox inbox;
    private final Duration retention;

    InboxJanitor(Inbox inbox, Duration retention) {
        this.inbox = inbox;
        this.retention = retention;
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    public int deleteExpired() {
        return inbox.deleteOlderThan(retention);
    }
}
