package dev.troupe.outbox.internal;

import dev.troupe.outbox.Outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Wakes the relay when any process commits outbox rows: a trigger on the outbox table sends
 * {@code NOTIFY} on {@code troupe.messaging.schema.wake-up-channel} at commit, and this listener holds one connection in LISTEN.
 * On a database other than PostgreSQL it does nothing, and polling alone covers other processes.
 */
class PostgresWakeUps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresWakeUps.class);
    private static final int WAIT_MILLIS = 1000;

    private final DataSource dataSource;
    private final Runnable wake;
    private final String channel;
    private volatile boolean running;
    private Thread listener;

    /** @param channel a checked identifier ({@code MessagingSettings.Schema}) */
    PostgresWakeUps(DataSource dataSource, String channel, Runnable wake) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.wake = wake;
    }

    private void listen() {
        int failures = 0;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isWrapperFor(PGConnection.class)) {
                    return;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                failures = 0;
                wake.run(); // rows committed while nobody listened
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException e) {
                failures++;
                log.warn("Outbox LISTEN connection lost ({} in a row): {}", failures, e.getMessage());
                sleep(Backoff.after(failures));
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "outbox-listen");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            try {
                listener.join(WAIT_MILLIS * 3L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
