package dev.troupe.messaging;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;

/** Trims every service's inbox in this process to the retention period, once an hour. */
public class InboxJanitor {

    private final ObjectProvider<Inbox> inboxes;
    private final Duration retention;

    InboxJanitor(ObjectProvider<Inbox> inboxes, Duration retention) {
        this.inboxes = inboxes;
        this.retention = retention;
    }

    @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    public void deleteExpired() {
        inboxes.forEach(inbox -> inbox.deleteOlderThan(retention));
    }
}
