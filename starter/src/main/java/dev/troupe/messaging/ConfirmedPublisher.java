package dev.troupe.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes one message and returns only once the broker has confirmed it, mandatory routing
 * included: an unconfirmed, negatively confirmed or unroutable publish throws, so the caller
 * never reports success for a message the broker does not hold. RabbitMQ returns an unroutable
 * message before its ack; Qpid nacks it first: both end in {@link PublishFailedException}.
 */
public class ConfirmedPublisher {

    private final BatchPublisher publisher;
    private final Duration timeout;

    public ConfirmedPublisher(RabbitTemplate template, Duration timeout) {
        this.publisher = new BatchPublisher(template, timeout);
        this.timeout = timeout;
    }

    public void publish(String exchange, String routingKey, Message message) {
        Confirmation confirmation = once(exchange, routingKey, message);
        if (confirmation.kind() == Confirmation.Kind.REFUSED) {
            confirmation = once(exchange, routingKey, message);
        }
        switch (confirmation.kind()) {
            case CONFIRMED -> {
            }
            case UNROUTABLE -> throw new PublishFailedException("unroutable: no queue bound to " + exchange + "/"
                + routingKey + " (" + confirmation.detail() + ")");
            case REFUSED -> throw new PublishFailedException("broker refused the message to " + exchange + "/"
                + routingKey + ": " + confirmation.detail());
            case NO_CONFIRM -> throw new PublishFailedException("no confirm from the broker within " + timeout
                + " (" + confirmation.detail() + ")");
        }
    }

    private Confirmation once(String exchange, String routingKey, Message message) {
        try {
            return publisher.publish(List.of(new BatchPublisher.Outgoing(exchange, routingKey, message))).get(0);
        } catch (AmqpException e) {
            throw new PublishFailedException("broker unavailable: " + e.getMessage(), e);
        }
    }
}
