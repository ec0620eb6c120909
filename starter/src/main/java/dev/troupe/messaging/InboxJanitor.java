package dev.troupe.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Trims every inbox this process writes to the retention period, once an hour: the services' own
 * ({@link Inbox} beans) and those its subscribers name, each table once.
 */
public class InboxJanitor {

    private final ObjectProvider<Inbox> inboxes;
    private final Subscriptions subscriptions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    InboxJanitor(ObjectProvider<Inbox> inboxes, Subscriptions subscriptions, JdbcClient jdbc, Clock clock,
                 Duration retention) {
        this.inboxes = inboxes;
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    public void deleteExpired() {
        Map<String, Inbox> tables = new LinkedHashMap<>();
        inboxes.forEach(inbox -> tables.put(inbox.table(), inbox));
        subscriptions.inboxTables().forEach(table -> tables.computeIfAbsent(table, name -> new Inbox(jdbc, clock, name)));
        tables.values().forEach(inbox -> inbox.deleteOlderThan(retention));
    }
}
