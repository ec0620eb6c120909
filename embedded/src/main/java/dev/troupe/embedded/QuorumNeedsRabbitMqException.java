package dev.troupe.embedded;

/** Quorum queues were asked for, and no RabbitMQ is configured: the embedded broker has none. */
public class QuorumNeedsRabbitMqException extends IllegalStateException {

    public QuorumNeedsRabbitMqException() {
        super("troupe.messaging.queue-type=quorum needs RabbitMQ; the embedded broker has classic queues only");
    }
}
