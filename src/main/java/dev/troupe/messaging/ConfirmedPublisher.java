package dev.troupe.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes one message and returns only once the broker has confirmed it, mandatory routing
 * included: an unconfirmed, negatively confirmed or unroutable publish throws, so the caller
 * never reports success for a message the broker does not hold. RabbitMQ returns an unroutable
 * message before its ack; Qpid nacks it first: both end in {@link PublishFailedException}.
 */
public class ConfirmedPublisher {

    private final RabbitTemplate template;
    private final Duration timeout;

    public ConfirmedPublisher(RabbitTemplate template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    public void publish(String exchange, String routingKey, Message message) {
        String id = message.getMessageProperties().getMessageId();
        CorrelationData correlation = id != null ? new CorrelationData(id) : new CorrelationData();
        try {
            template.send(exchange, routingKey, message, correlation);
            CorrelationData.Confirm confirm = correlation.getFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (correlation.getReturned() != null) {
                throw new PublishFailedException("unroutable: no queue bound to " + exchange + "/" + routingKey
                    + " (" + correlation.getReturned().getReplyText() + ")");
            }
            if (!confirm.ack()) {
                throw new PublishFailedException("broker refused the message to " + exchange + "/" + routingKey
                    + ": " + confirm.reason());
            }
        } catch (AmqpException | ExecutionException e) {
            throw new PublishFailedException("broker unavailable: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new PublishFailedException("no confirm from the broker within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for a confirm", e);
        }
    }
}
