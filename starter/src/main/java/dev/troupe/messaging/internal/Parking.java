package dev.troupe.messaging.internal;

import static dev.troupe.messaging.parking.ParkingHeaders.EXCEPTION;
import static dev.troupe.messaging.parking.ParkingHeaders.ORIGINAL_EXCHANGE;
import static dev.troupe.messaging.parking.ParkingHeaders.ORIGINAL_QUEUE;
import static dev.troupe.messaging.parking.ParkingHeaders.ORIGINAL_ROUTING_KEY;
import static dev.troupe.messaging.parking.ParkingHeaders.PARKED_AT;
import static dev.troupe.messaging.parking.ParkingHeaders.REASON;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.Queues;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.core.NestedExceptionUtils;

/**
 * Moves a message its consumer cannot process to that consumer's parking queue, with the reason
 * in its headers, then lets the original be acknowledged. Done by the application rather than by
 * broker dead-lettering because the embedded Qpid broker redelivers a rejected message forever
 * and refuses RabbitMQ's x-dead-letter-* arguments (docs/embedded-broker.md).
 */
public class Parking {

    private static final Logger log = LoggerFactory.getLogger(Parking.class);

    private final ConfirmedPublisher publisher;
    private final MeterRegistry meters;

    public Parking(ConfirmedPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        this.meters = meters;
    }

    /** A reason can quote the whole rejected value: cut it, so the header always fits in a frame. */
    private static String bounded(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 1000) + "...";
    }

    /** A parser's message can run over lines (Jackson adds its location): one log line per parked message. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Publishes to the parking queue with confirms; throws if the broker did not take it, so nothing is lost. */
    public void park(Message message, Throwable failure) {
        MessageProperties properties = message.getMessageProperties();
        String queue = properties.getConsumerQueue();
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        properties.getHeaders().putAll(Map.of(
            REASON, bounded(String.valueOf(cause.getMessage())),
            EXCEPTION, cause.getClass().getName(),
            ORIGINAL_QUEUE, queue,
            ORIGINAL_EXCHANGE, String.valueOf(properties.getReceivedExchange()),
            ORIGINAL_ROUTING_KEY, String.valueOf(properties.getReceivedRoutingKey()),
            PARKED_AT, Instant.now().toString()));
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        // so that a replay straight to the queue is still read as what it was
        Envelopes.keepType(properties);
        // a publisher that set no id: keep the digest the consumer's inbox knows it by
        properties.setMessageId(Envelopes.idOf(message));
        publisher.publish("", Queues.parkingQueueOf(queue), message);
        meters.counter("troupe.messaging.parked", "queue", queue).increment();
        log.warn("Parked message {} from {}: {}: {}", properties.getMessageId(), queue,
            cause.getClass().getSimpleName(), oneLine(String.valueOf(cause.getMessage())));
    }
}
