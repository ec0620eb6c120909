package dev.troupe.messaging.internal;

import static dev.troupe.messaging.TraceKeys.CORRELATION_ID;
import static dev.troupe.messaging.TraceKeys.KEY;
import static dev.troupe.messaging.TraceKeys.MESSAGE_ID;
import static dev.troupe.messaging.TraceKeys.TYPE;

import dev.troupe.messaging.Envelopes;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.Map;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.support.micrometer.RabbitListenerObservation;
import org.springframework.amqp.rabbit.support.micrometer.RabbitMessageReceiverContext;
import org.springframework.amqp.rabbit.support.micrometer.RabbitMessageSenderContext;
import org.springframework.amqp.rabbit.support.micrometer.RabbitTemplateObservation;

/**
 * Micrometer observations of the machinery's own steps, so that a tracer (Micrometer Tracing, where
 * the application has one) follows a message from the commit that wrote it to each consumer's
 * handling. The trace context (W3C {@code traceparent}) travels in the message's headers; through
 * the outbox it is kept in the row's headers, taken when the row is written, so the relay, in
 * another thread or process, publishes in the same trace. Spring AMQP observes sends and single
 * deliveries; a subscriber's batch it does not, so each message of a batch is observed here.
 * With no tracer or meter registry (a no-op registry) each step costs one check.
 */
public final class MessageObservations {


    /** Observes nothing. */
    public static final MessageObservations NONE = new MessageObservations(ObservationRegistry.NOOP);

    private final ObservationRegistry registry;

    public MessageObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** A subscriber's handling of one message, in the trace its headers carry. */
    public Observation handling(Message message, String consumer) {
        return RabbitListenerObservation.LISTENER_OBSERVATION.observation(null, Listening.INSTANCE,
            () -> new RabbitMessageReceiverContext(message, consumer), registry);
    }

    /**
     * A step a consumer takes about a message once its handling is over (its reply, sent after the
     * commit; what is done about a failure), in the message's trace.
     */
    public Observation after(Message message, String consumer, String step) {
        ReceiverContext<Message> context = new ReceiverContext<>(MessageObservations::header);
        context.setCarrier(message);
        context.setRemoteServiceName("broker");
        return Observation.createNotStarted("troupe.message." + step, () -> context, registry)
            .contextualName(consumer + " " + step)
            .lowCardinalityKeyValue(RabbitListenerObservation.ListenerLowCardinalityTags.LISTENER_ID.asString(), consumer)
            .highCardinalityKeyValues(ids(message.getMessageProperties()));
    }

    /**
     * The write of a message to the outbox, in the caller's transaction and trace; the trace context
     * goes into {@code headers}, kept with the row for the relay.
     */
    public Observation outboxWrite(String type, String messageId, String correlationId, String key,
                                   Map<String, Object> headers) {
        SenderContext<Map<String, Object>> context = new SenderContext<>(Map::put, Kind.PRODUCER);
        context.setCarrier(headers);
        context.setRemoteServiceName("outbox");
        return Observation.createNotStarted("troupe.outbox.write", () -> context, registry)
            .contextualName(type + " outbox write")
            .lowCardinalityKeyValue(TYPE, String.valueOf(type))
            .highCardinalityKeyValues(ids(messageId, correlationId))
            .highCardinalityKeyValue(KEY, String.valueOf(key));
    }

    /**
     * The relay's publish of a row, in the trace of its write (from the context kept in its headers);
     * the send it wraps is observed by the template, as a child.
     */
    public Observation relay(Message message) {
        ReceiverContext<Message> context = new ReceiverContext<>(MessageObservations::header);
        context.setCarrier(message);
        context.setRemoteServiceName("outbox");
        MessageProperties properties = message.getMessageProperties();
        return Observation.createNotStarted("troupe.outbox.relay", () -> context, registry)
            .contextualName(properties.getType() + " relay")
            .lowCardinalityKeyValue(TYPE, String.valueOf(properties.getType()))
            .highCardinalityKeyValues(ids(properties.getMessageId(), properties.getCorrelationId()));
    }

    private static String header(Message message, String key) {
        Object value = message.getMessageProperties().getHeader(key);
        return value == null ? null : value.toString();
    }

    private static KeyValues ids(String messageId, String correlationId) {
        return KeyValues.of(MESSAGE_ID, String.valueOf(messageId), CORRELATION_ID, String.valueOf(correlationId));
    }

    private static KeyValues ids(MessageProperties properties) {
        return ids(properties.getMessageId(), properties.getCorrelationId()).and(TYPE, Envelopes.typeOf(properties));
    }

    /** Spring AMQP observes this template's sends, named with the message's ids, so that a trace crosses the broker. */
    static void observe(RabbitTemplate template, boolean enabled) {
        if (enabled) {
            template.setObservationEnabled(true);
            template.setObservationConvention(Sending.INSTANCE);
        }
    }

    /**
     * Spring AMQP observes single deliveries ({@code @RabbitListener}s: the RPC responders); a
     * subscriber's batches it cannot, so its listener observes each message itself.
     */
    static void observe(SimpleMessageListenerContainer container, boolean enabled) {
        if (enabled) {
            container.setObservationEnabled(true);
            container.setObservationConvention(Listening.INSTANCE);
        }
    }

    /** Spring AMQP's names for a delivery, with the message's ids, so that a request's trace can be found by them. */
    public static final class Listening extends RabbitListenerObservation.DefaultRabbitListenerObservationConvention {

        public static final Listening INSTANCE = new Listening();

        @Override
        public KeyValues getHighCardinalityKeyValues(RabbitMessageReceiverContext context) {
            return super.getHighCardinalityKeyValues(context).and(ids(context.getCarrier().getMessageProperties()));
        }
    }

    /** Spring AMQP's names for a send, with the message's ids. */
    public static final class Sending extends RabbitTemplateObservation.DefaultRabbitTemplateObservationConvention {

        public static final Sending INSTANCE = new Sending();

        @Override
        public KeyValues getHighCardinalityKeyValues(RabbitMessageSenderContext context) {
            return super.getHighCardinalityKeyValues(context).and(ids(context.getCarrier().getMessageProperties()));
        }
    }
}
