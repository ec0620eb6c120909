package dev.troupe.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confirmTimeout how long a publisher waits for the broker's confirm before failing
 * @param rpcTimeout     how long a request over the broker waits for its reply
 * @param retry          redelivery of messages that failed for a reason that may pass
 * @param inboxRetention how long the services' inboxes remember a processed message
 * @param queueType      the type of every durable queue Troupe declares: classic, or quorum for
 *                       replicated durability on a RabbitMQ cluster (RabbitMQ only); retries and
 *                       parking are the machinery's, so both behave the same
 * @param schema         the machinery's tables and wake-up channel, and whether it creates them
 * @param batch          how many messages a subscriber's consumer takes at once, in one transaction
 * @param lagWindow      the stretch of time the percentiles of {@code troupe.messaging.delivery.lag}
 *                       cover, about (they rotate in three parts)
 * @param observationEnabled whether the machinery observes its steps (each delivery, outbox write and
 *                       relay) and has Spring AMQP observe sends and single deliveries, so that a
 *                       tracer follows a request through the broker and the outbox; a no-op where the
 *                       application has no tracer nor meter registry
 * @param parking        what becomes of parked messages beyond their parking queues
 */
@ConfigurationProperties("troupe.messaging")
public record MessagingSettings(
    @DefaultValue("5s") Duration confirmTimeout,
    @DefaultValue("3s") Duration rpcTimeout,
    @DefaultValue Retry retry,
    @DefaultValue("7d") Duration inboxRetention,
    @DefaultValue("classic") QueueType queueType,
    @DefaultValue Schema schema,
    @DefaultValue Batch batch,
    @DefaultValue("1m") Duration lagWindow,
    @DefaultValue("true") boolean observationEnabled,
    @DefaultValue Parking parking) {

    /**
     * Every queue this process declares with a parking queue beside it ({@code <queue>.parked}) parks
     * there what its consumer gives up on. With {@code collect} on, a collector drains those parking
     * queues into a table, and {@code ParkedMessages} (and, in a servlet web application with
     * {@code endpoints} on, {@code GET/POST/DELETE /admin/parked}) lists, replays and discards them;
     * the endpoints are guarded by nothing of the starter's: secure {@code /admin/**} as the
     * application secures its other administration.
     *
     * @param collect   whether this process drains its parking queues into the parked table
     * @param endpoints whether a servlet web application serves the parked messages at {@code /admin/parked}
     */
    public record Parking(
        @DefaultValue("false") boolean collect,
        @DefaultValue("true") boolean endpoints) {
    }

    /** RabbitMQ cannot change a queue's type in place: a queue declared with the other type is refused (406). */
    public enum QueueType { CLASSIC, QUORUM }

    /**
     * Exponential backoff with jitter, kept in the outbox rather than in broker TTLs (which the
     * embedded broker lacks), and parking once {@code giveUpAfter} has passed since the first failure.
     *
     * @param initialDelay the wait before the first retry of a message that failed for a reason that may pass
     * @param multiplier   how much longer each next wait is
     * @param maxDelay     the longest wait between two tries
     * @param giveUpAfter  how long after its first failure a message is parked instead of retried
     */
    public record Retry(
        @DefaultValue("1s") Duration initialDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("5m") Duration maxDelay,
        @DefaultValue("2h") Duration giveUpAfter) {
    }

    /**
     * A subscriber's consumer takes what its queue has, up to {@code size} messages, waiting at most
     * {@code max-wait} for the next one, and processes them in one transaction, each in a savepoint:
     * one commit for many messages where each had its own. {@code size} 1 is one message, one
     * transaction. The wait is added to a message's latency at most twice (the last message's
     * wait, and the gathering), so it is kept short.
     *
     * @param size    the most messages a subscriber's consumer takes at once, in one transaction (1: one each)
     * @param maxWait how long a consumer waits for the next message before it processes what it has
     */
    public record Batch(
        @DefaultValue("50") int size,
        @DefaultValue("5ms") Duration maxWait) {

        public Batch {
            if (size < 1) {
                throw new IllegalArgumentException("troupe.messaging.batch.size must be at least 1, not " + size);
            }
        }
    }

    /**
     * The names are put into SQL as they are, so they must be plain identifiers (checked here).
     *
     * @param migrate       whether the starter applies its own migrations (its own Flyway history) at start-up
     * @param outboxTable   the outbox table
     * @param inboxTable    the inbox of every subscriber, keyed by (consumer, message id)
     * @param wakeUpChannel the PostgreSQL NOTIFY channel on which commits to the outbox wake the relays
     * @param historyTable  the Flyway history of the starter's own migrations, apart from the application's
     * @param parkedTable   the parked messages drained from the parking queues, where parking collection is on
     */
    public record Schema(
        @DefaultValue("true") boolean migrate,
        @DefaultValue("outbox") String outboxTable,
        @DefaultValue("troupe_inbox") String inboxTable,
        @DefaultValue("troupe_outbox") String wakeUpChannel,
        @DefaultValue("troupe_messaging_schema_history") String historyTable,
        @DefaultValue("parked_messages") String parkedTable) {

        private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,47}");

        public Schema {
            for (String name : java.util.List.of(outboxTable, inboxTable, wakeUpChannel, historyTable, parkedTable)) {
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new IllegalArgumentException("'" + name + "' is not a plain SQL name (lower-case letters,"
                        + " digits and _, at most 48): troupe.messaging.schema.* go into SQL as they are");
                }
            }
        }
    }
}
