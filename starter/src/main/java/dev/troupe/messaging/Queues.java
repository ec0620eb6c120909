package dev.troupe.messaging;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;

/** How every durable queue is declared, and where a consumer's unprocessable messages wait. */
public final class Queues {

    /** Suffix of the queue where a consumer's unprocessable messages wait for an operator. */
    public static final String PARKED_SUFFIX = ".parked";

    private Queues() {
    }

    public static String parkingQueueOf(String queue) {
        return queue + PARKED_SUFFIX;
    }

    /** No type argument for classic queues: the embedded broker refuses RabbitMQ's x-queue-type. */
    public static Queue durable(String name, MessagingSettings.QueueType type) {
        QueueBuilder queue = QueueBuilder.durable(name);
        return (type == MessagingSettings.QueueType.QUORUM ? queue.quorum() : queue).build();
    }
}
