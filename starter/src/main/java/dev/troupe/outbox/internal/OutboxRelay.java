package dev.troupe.outbox.internal;

import dev.troupe.outbox.Outbox;
import dev.troupe.outbox.OutboxSettings;

import dev.troupe.messaging.internal.BatchPublisher;
import dev.troupe.messaging.internal.Confirmation;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.internal.MessageObservations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox rows to the broker. Each round is one database transaction: claim up to a
 * batch of due rows in id order ({@code FOR UPDATE SKIP LOCKED}, so relays in other processes take
 * other rows; {@link OutboxTable}), publish them as one batch and wait for the broker's confirms
 * ({@link BatchPublisher}), mark the confirmed ones published, commit. A broker outage rolls the
 * round back: the rows wait, none is lost. Its threads ({@link RelayLoop}) are woken at once after a
 * local commit, by PostgreSQL NOTIFY from other processes, else by polling.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxTable table;
    private final TransactionTemplate transactions;
    private final BatchPublisher publisher;
    private final JsonMapper json;
    private final int batchSize;
    private final RelayLoop loop;
    private final Counter published;
    private final Timer lag;
    private final MessageObservations observations;

    OutboxRelay(OutboxTable table, TransactionTemplate transactions, BatchPublisher publisher, JsonMapper json,
                OutboxSettings settings, MeterRegistry meters) {
        this(table, transactions, publisher, json, settings, meters, MessageObservations.NONE);
    }

    OutboxRelay(OutboxTable table, TransactionTemplate transactions, BatchPublisher publisher, JsonMapper json,
                OutboxSettings settings, MeterRegistry meters, MessageObservations observations) {
        this.table = table;
        this.observations = observations;
        this.transactions = transactions;
        this.publisher = publisher;
        this.json = json;
        this.batchSize = settings.batchSize();
        this.published = meters.counter("troupe.messaging.outbox.published");
        Counter failedRounds = meters.counter("troupe.messaging.outbox.failed.rounds");
        this.lag = Timer.builder("troupe.messaging.outbox.lag").description("from the outbox commit to the broker's confirm")
            .publishPercentiles(0.5, 0.99).register(meters);
        this.loop = new RelayLoop(this::relayOnce, settings.relayThreads(), settings.batchSize(), settings.pollInterval(),
            failedRounds::increment);
    }

    /** Asks the relay to look for rows now; cheap, and coalesced while it is busy. */
    public void wake() {
        loop.wake();
    }

    /**
     * One round: returns how many rows it published. Rows the broker did not confirm stay
     * unpublished and go again next round; if it confirmed none at all, the round counts as
     * failed, so the relay backs off instead of hammering a broker in trouble.
     */
    public int relayOnce() {
        int[] unconfirmed = new int[1];
        Integer count = transactions.execute(status -> {
            List<OutboxRow> claimed = table.claim(batchSize);
            if (claimed.isEmpty()) {
                return 0;
            }
            List<OutboxRow> ready = OrderGuard.publishable(claimed, table.pendingWithKeysOf(claimed));
            List<OutboxRow> settled = settled(ready, publisher.publish(ready.stream().map(this::outgoing).toList(),
                outgoing -> observations.relay(outgoing.message())));
            markPublished(settled);
            unconfirmed[0] = ready.size() - settled.size();
            return settled.size();
        });
        if (unconfirmed[0] > 0 && (count == null || count == 0)) {
            throw new IllegalStateException(unconfirmed[0] + " outbox rows not confirmed by the broker");
        }
        return count == null ? 0 : count;
    }

    /**
     * The rows to mark published: every confirmed one, and every unroutable one (no queue is bound for
     * it: an event nobody subscribes to, which no retry changes), except those behind an unsettled
     * row of the same key, which go again after it, in order.
     */
    static List<OutboxRow> settled(List<OutboxRow> rows, List<Confirmation> confirmations) {
        List<OutboxRow> settled = new ArrayList<>(rows.size());
        Set<String> heldBack = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            Confirmation confirmation = i < confirmations.size() ? confirmations.get(i)
                : new Confirmation(Confirmation.Kind.NO_CONFIRM, "not sent");
            boolean done = confirmation.confirmed() || confirmation.kind() == Confirmation.Kind.UNROUTABLE;
            if (!done) {
                log.warn("Outbox message {} to {}/{}: {} ({})", row.messageId(), row.exchange(), row.routingKey(),
                    confirmation.kind(), confirmation.detail());
            } else if (confirmation.kind() == Confirmation.Kind.UNROUTABLE) {
                log.warn("Outbox message {} to {}/{} was unroutable; no subscriber received it",
                    row.messageId(), row.exchange(), row.routingKey());
            }
            if (!done && row.orderingKey() != null) {
                heldBack.add(row.orderingKey());
            } else if (done && (row.orderingKey() == null || !heldBack.contains(row.orderingKey()))) {
                settled.add(row);
            }
        }
        return settled;
    }

    private void markPublished(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = table.markPublished(rows);
        published.increment(rows.size());
        rows.forEach(row -> lag.record(Duration.between(row.createdAt(), now)));
    }

    private BatchPublisher.Outgoing outgoing(OutboxRow row) {
        MessageProperties properties = Envelopes.properties(row.messageId(), row.type(), row.correlationId(),
            row.contentType(), Date.from(row.createdAt().toInstant()));
        if (row.headers() != null) {
            properties.getHeaders().putAll(json.readValue(row.headers(), new TypeReference<Map<String, Object>>() {
            }));
        }
        return new BatchPublisher.Outgoing(row.exchange(), row.routingKey(), new Message(row.body(), properties));
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
