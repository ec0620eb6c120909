package dev.troupe.messaging.internal;

import dev.troupe.messaging.ConfirmedPublisher;

import io.micrometer.observation.Observation;
import java.util.function.Function;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.connection.RabbitUtils;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes a batch on one channel, so the broker sees the messages in order, then waits for every
 * confirm within one timeout: the batch costs one round trip, not one per message. The single-message
 * {@link ConfirmedPublisher} reads confirms by the same rule ({@link Confirmation}).
 * <p>
 * A channel that was nacked is closed, not put back in the cache: on RabbitMQ 3.10 a new channel's
 * first publish to a quorum queue whose leader's node has died can leave that channel nacking every
 * publish until the node returns (fixed upstream, rabbitmq-server #9221); a fresh channel asks
 * for the new leader and publishes again at once.
 */
public class BatchPublisher {

    /** One message of a batch and where it goes. */
    public record Outgoing(String exchange, String routingKey, Message message) {
    }

    private final RabbitTemplate template;
    private final Duration timeout;

    public BatchPublisher(RabbitTemplate template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    /** What the broker said of each message, in the order given. */
    public List<Confirmation> publish(List<Outgoing> batch) {
        return publish(batch, outgoing -> Observation.NOOP);
    }

    /**
     * The same, each send inside its own observation (the relay's: in the trace of the row's write),
     * which the template's observation of the send joins as a child.
     */
    public List<Confirmation> publish(List<Outgoing> batch, Function<Outgoing, Observation> around) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Confirmation> confirmations = template.invoke(operations -> sendAndAwait(operations, batch, around));
        return confirmations == null ? List.of() : confirmations;
    }

    private List<Confirmation> sendAndAwait(RabbitOperations operations, List<Outgoing> batch,
                                            Function<Outgoing, Observation> around) {
        List<CorrelationData> sent = new ArrayList<>(batch.size());
        for (Outgoing outgoing : batch) {
            String id = outgoing.message().getMessageProperties().getMessageId();
            CorrelationData correlation = id != null ? new CorrelationData(id) : new CorrelationData();
            around.apply(outgoing).observe(
                () -> operations.send(outgoing.exchange(), outgoing.routingKey(), outgoing.message(), correlation));
            sent.add(correlation);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Confirmation> confirmations = sent.stream().map(correlation -> Confirmation.await(correlation, deadline))
            .toList();
        if (confirmations.stream().anyMatch(confirmation -> confirmation.kind() == Confirmation.Kind.REFUSED)) {
            // honoured when invoke() closes its channel at the end of this callback
            operations.execute(channel -> {
                RabbitUtils.setPhysicalCloseRequired(channel, true);
                return null;
            });
        }
        return confirmations;
    }
}
