package dev.troupe.outbox;

import dev.troupe.messaging.Envelopes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox rows to the broker. Each round is one database transaction: claim up to a
 * batch of due rows in id order ({@code FOR UPDATE SKIP LOCKED}, so relays in other processes take
 * other rows), publish them on one channel, wait for the broker's confirms, mark the confirmed
 * prefix published, commit. A broker outage rolls the round back: the rows wait, none is lost.
 * Woken at once after a local commit, by PostgreSQL NOTIFY from other processes, else by polling.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RabbitTemplate rabbit;
    private final JsonMapper json;
    private final OutboxSettings settings;
    private final Duration confirmTimeout;
    private final Clock clock;
    private final Counter published;
    private final Counter failedRounds;
    private final Timer lag;
    private final Semaphore signal = new Semaphore(0);
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private final List<Thread> workers = new ArrayList<>();

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, RabbitTemplate rabbit, JsonMapper json,
                       OutboxSettings settings, Duration confirmTimeout, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rabbit = rabbit;
        this.json = json;
        this.settings = settings;
        this.confirmTimeout = confirmTimeout;
        this.clock = clock;
        this.published = meters.counter("troupe.outbox.published");
        this.failedRounds = meters.counter("troupe.outbox.failed.rounds");
        this.lag = Timer.builder("troupe.outbox.lag").description("from the outbox commit to the broker's confirm")
            .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Asks the relay to look for rows now; cheap, and coalesced while it is busy. */
    public void wake() {
        int missing = settings.relayThreads() - signal.availablePermits();
        if (missing > 0) {
            signal.release(missing);
        }
    }

    /**
     * One round: returns how many rows it published. Rows the broker did not confirm stay
     * unpublished and go again next round; if it confirmed none at all, the round counts as
     * failed, so the relay backs off instead of hammering a broker in trouble.
     */
    public int relayOnce() {
        int[] unconfirmed = new int[1];
        Integer count = transactions.execute(status -> {
            List<OutboxRow> claimed = claim();
            if (claimed.isEmpty()) {
                return 0;
            }
            List<OutboxRow> ready = OrderGuard.publishable(claimed, pendingWithKeysOf(claimed));
            List<OutboxRow> confirmed = publish(ready);
            markPublished(confirmed);
            unconfirmed[0] = ready.size() - confirmed.size();
            return confirmed.size();
        });
        if (unconfirmed[0] > 0 && (count == null || count == 0)) {
            throw new IllegalStateException(unconfirmed[0] + " outbox rows not confirmed by the broker");
        }
        return count == null ? 0 : count;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                int count = relayOnce();
                failures = 0;
                if (count < settings.batchSize()) {
                    awaitWakeUp(settings.pollInterval());
                }
            } catch (RuntimeException e) {
                failures++;
                failedRounds.increment();
                Duration pause = pauseAfter(failures);
                log.warn("Outbox relay round failed ({} in a row), next try in {} ms: {}", failures, pause.toMillis(),
                    e.getMessage());
                pause(pause);
            }
        }
    }

    private List<OutboxRow> claim() {
        return jdbc.sql("""
                SELECT id, message_id, exchange, routing_key, type, correlation_id, ordering_key, headers,
                       content_type, body, created_at
                FROM outbox
                WHERE published_at IS NULL AND available_at <= :now
                ORDER BY id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""")
            .param("now", OffsetDateTime.now(clock))
            .param("limit", settings.batchSize())
            .query(OutboxRelay::row)
            .list();
    }

    private List<OrderGuard.PendingRow> pendingWithKeysOf(List<OutboxRow> claimed) {
        List<String> keys = claimed.stream().map(OutboxRow::orderingKey).filter(key -> key != null).distinct().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, ordering_key FROM outbox
                WHERE published_at IS NULL AND ordering_key IN (:keys) AND id <= :maxId
                ORDER BY id""")
            .param("keys", keys)
            .param("maxId", claimed.get(claimed.size() - 1).id())
            .query((rs, n) -> new OrderGuard.PendingRow(rs.getLong(1), rs.getString(2)))
            .list();
    }

    /** Maps by position: the by-name property mapper costs an exception per unmatched name, per row. */
    private static OutboxRow row(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBytes(10),
            rs.getObject(11, OffsetDateTime.class));
    }

    /**
     * Publishes on one channel, so the broker sees the rows in order; returns the rows to mark
     * published: every confirmed one, except those behind an unconfirmed row of the same key, which
     * go again after it, in order.
     */
    private List<OutboxRow> publish(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<OutboxRow> confirmed = rabbit.invoke(operations -> sendAndConfirm(operations, rows));
        return confirmed == null ? List.of() : confirmed;
    }

    private List<OutboxRow> sendAndConfirm(RabbitOperations operations, List<OutboxRow> rows) {
        List<CorrelationData> sent = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CorrelationData correlation = new CorrelationData(row.messageId());
            operations.send(row.exchange(), row.routingKey(), toMessage(row), correlation);
            sent.add(correlation);
        }
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        List<OutboxRow> confirmed = new ArrayList<>(rows.size());
        Set<String> heldBack = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            boolean ok = confirmed(sent.get(i), row, deadline);
            if (!ok && row.orderingKey() != null) {
                heldBack.add(row.orderingKey());
            } else if (ok && (row.orderingKey() == null || !heldBack.contains(row.orderingKey()))) {
                confirmed.add(row);
            }
        }
        return confirmed;
    }

    private boolean confirmed(CorrelationData correlation, OutboxRow row, long deadline) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture()
                .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (correlation.getReturned() != null) {
                // routed nowhere: no queue is bound for it, and retrying cannot change that
                log.warn("Outbox message {} to {}/{} was unroutable; no subscriber received it",
                    row.messageId(), row.exchange(), row.routingKey());
                return true;
            }
            if (!confirm.ack()) {
                log.warn("Broker refused outbox message {}: {}", row.messageId(), confirm.reason());
            }
            return confirm.ack();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("No confirm for outbox message {} within {}", row.messageId(), confirmTimeout);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void markPublished(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("UPDATE outbox SET published_at = :now WHERE id IN (:ids)")
            .param("now", now)
            .param("ids", rows.stream().map(OutboxRow::id).toList())
            .update();
        published.increment(rows.size());
        rows.forEach(row -> lag.record(Duration.between(row.createdAt(), now)));
    }

    private Message toMessage(OutboxRow row) {
        MessageProperties properties = Envelopes.properties(row.messageId(), row.type(), row.correlationId(),
            row.contentType(), Date.from(row.createdAt().toInstant()));
        if (row.headers() != null) {
            properties.getHeaders().putAll(json.readValue(row.headers(), new TypeReference<Map<String, Object>>() {
            }));
        }
        return new Message(row.body(), properties);
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After a failure the relay ignores wake-ups, so a broker outage is not hammered by every commit. */
    private void pause(Duration pause) {
        try {
            stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Duration pauseAfter(int failures) {
        long millis = 100L << Math.min(failures - 1, 16);
        return millis > MAX_PAUSE.toMillis() ? MAX_PAUSE : Duration.ofMillis(millis);
    }

    @Override
    public void start() {
        running = true;
        stopped = new CountDownLatch(1);
        for (int i = 0; i < settings.relayThreads(); i++) {
            Thread worker = new Thread(this::run, "outbox-relay-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public void stop() {
        running = false;
        stopped.countDown();
        wake();
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
