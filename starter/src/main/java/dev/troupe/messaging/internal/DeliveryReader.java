package dev.troupe.messaging.internal;

import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.PermanentMessageFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.amqp.core.Message;

/**
 * Turns a subscriber's message into the event its handler takes, or says why it cannot: its type
 * (the AMQP type, else the routing key), the handler for that type, the body read as JSON and
 * validated. Whatever it refuses is a {@link PermanentMessageFailure}: no retry would change it.
 * It also records each message's delivery lag, from its commit to this reading.
 */
final class DeliveryReader {

    /** A message read and checked, ready for its handler. */
    record Delivery(Message message, Handlers.Handling handler, Object event) {
    }

    private final String name;
    private final Handlers handlers;
    private final Envelopes envelopes;
    private final Validator validator;
    private final Timer deliveryLag;

    DeliveryReader(String name, Handlers handlers, Envelopes envelopes, Validator validator, MeterRegistry meters,
                   Duration lagWindow) {
        this.name = name;
        this.handlers = handlers;
        this.envelopes = envelopes;
        this.validator = validator;
        this.deliveryLag = Timer.builder("troupe.messaging.delivery.lag").tag("consumer", name)
            .description("from the message's commit (its timestamp_in_ms header) to its handler")
            .publishPercentiles(0.5, 0.95, 0.99, 0.999)
            // set here: Boot's management.metrics.distribution.expiry did not reach this timer (measured)
            .distributionStatisticExpiry(lagWindow).distributionStatisticBufferLength(3).register(meters);
    }

    Delivery read(Message message) {
        if (message.getMessageProperties().getHeader(Envelopes.TIMESTAMP_MS) instanceof Number committed) {
            deliveryLag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - committed.longValue())));
        }
        String type = typeOf(message);
        Handlers.Handling handler = handlers.forType(type);
        if (handler == null) {
            throw new PermanentMessageFailure(name + " does not handle " + type);
        }
        Object event = envelopes.read(message, handler.eventType());
        if (event == null) {
            throw new PermanentMessageFailure("empty " + type);
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new PermanentMessageFailure("invalid " + type + ": " + violations.stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted().collect(Collectors.joining(", ")));
        }
        return new Delivery(message, handler, event);
    }

    /**
     * The message's type, else the routing key it was published with. A message without a type
     * sent straight to the queue (a replay, a redelivery of a seed's message) can only be of the
     * queue's one kind, where the subscriber handles one.
     */
    private String typeOf(Message message) {
        String exchange = message.getMessageProperties().getReceivedExchange();
        if (message.getMessageProperties().getType() == null && (exchange == null || exchange.isEmpty())
            && handlers.types().size() == 1) {
            return handlers.types().iterator().next();
        }
        return Envelopes.typeOf(message);
    }
}
