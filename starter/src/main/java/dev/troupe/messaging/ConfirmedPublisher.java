package dev.troupe.messaging;

import org.springframework.amqp.core.Message;

/**
 * Publishes one message and returns only once the broker has confirmed it, mandatory routing
 * included: an unconfirmed, negatively confirmed or unroutable publish throws, so the caller
 * never reports success for a message the broker does not hold. RabbitMQ returns an unroutable
 * message before its ack; Qpid nacks it first: both end in {@link PublishFailedException}.
 */
public interface ConfirmedPublisher {

    /**
     * Publishes {@code message} to {@code exchange} with {@code routingKey}, mandatory, and waits for
     * the broker's confirm; throws {@link PublishFailedException} when the broker does not take it.
     */
    void publish(String exchange, String routingKey, Message message);
}
