package dev.troupe.outbox.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the outbox small and observable: deletes published rows past the retention period (dead
 * rows slow the relay's scan down, docs/measured-limits.md) and exposes the lag as the
 * gauges {@code troupe.messaging.outbox.pending} (rows) and {@code troupe.messaging.outbox.oldest.age} (seconds).
 */
public class OutboxJanitor {

    private static final Logger log = LoggerFactory.getLogger(OutboxJanitor.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final String table;

    /** @param table the outbox table's name, a checked identifier ({@code MessagingSettings.Schema}) */
    public OutboxJanitor(JdbcClient jdbc, Clock clock, String table, Duration retention, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        this.retention = retention;
        Gauge.builder("troupe.messaging.outbox.pending", this, OutboxJanitor::pending)
            .description("outbox rows not yet published").register(meters);
        Gauge.builder("troupe.messaging.outbox.oldest.age", this, janitor -> janitor.oldestAge().toMillis() / 1000.0)
            .description("age of the oldest unpublished outbox row, seconds").baseUnit("seconds").register(meters);
    }

    /** Rows due and not yet published (a redelivery scheduled for later is not lag). */
    public long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE published_at IS NULL AND available_at <= :now")
            .param("now", OffsetDateTime.now(clock)).query(Long.class).single();
    }

    /** How long the oldest due row has waited since it became due. */
    public Duration oldestAge() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<OffsetDateTime> oldest = jdbc.sql(
                "SELECT MIN(available_at) FROM " + table + " WHERE published_at IS NULL AND available_at <= :now")
            .param("now", now).query(OffsetDateTime.class).optional();
        return oldest.map(due -> Duration.between(due, now)).orElse(Duration.ZERO);
    }

    /** Run every {@code troupe.outbox.cleanup-interval} by the starter's {@code Housekeeping}. */
    public int deleteExpired() {
        int deleted = jdbc.sql("DELETE FROM " + table + " WHERE published_at < :cutoff")
            .param("cutoff", OffsetDateTime.now(clock).minus(retention))
            .update();
        if (deleted > 0) {
            log.debug("Deleted {} published outbox rows older than {}", deleted, retention);
        }
        return deleted;
    }
}
