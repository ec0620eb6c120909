package dev.troupe.messaging.internal;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.PublishFailedException;
import java.time.Duration;
import java.util.List;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** The starter's {@link ConfirmedPublisher}: a batch of one through {@link BatchPublisher}, retried once on a nack. */
public class TemplateConfirmedPublisher implements ConfirmedPublisher {

    private final BatchPublisher publisher;
    private final Duration timeout;

    public TemplateConfirmedPublisher(RabbitTemplate template, Duration timeout) {
        this.publisher = new BatchPublisher(template, timeout);
        this.timeout = timeout;
    }

    @Override
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
