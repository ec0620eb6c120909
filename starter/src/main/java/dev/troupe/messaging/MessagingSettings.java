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
 *                       parking are the application's, so both behave the same
 */
@ConfigurationProperties("troupe.messaging")
public record MessagingSettings(
    @DefaultValue("5s") Duration confirmTimeout,
    @DefaultValue("3s") Duration rpcTimeout,
    @DefaultValue Retry retry,
    @DefaultValue("7d") Duration inboxRetention,
    @DefaultValue("classic") QueueType queueType) {

    /** RabbitMQ cannot change a queue's type in place: a queue declared with the other type is refused (406). */
    public enum QueueType { CLASSIC, QUORUM }

    /**
     * Exponential backoff with jitter, kept in the outbox rather than in broker TTLs (which the
     * embedded broker lacks), and parking once {@code giveUpAfter} has passed since the first failure.
     */
    public record Retry(
        @DefaultValue("1s") Duration initialDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("5m") Duration maxDelay,
        @DefaultValue("2h") Duration giveUpAfter) {
    }
}
