package dev.troupe.console.amqp;

import java.util.function.Supplier;
import org.springframework.amqp.core.Correlation;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Hands each message this process's templates publish to the {@link FlowHistory}, just before it
 * goes: the commands the gateway sends and the events the relay publishes, whether or not a page
 * is open (the tap, which sees every process's, runs only while one is). It changes nothing.
 */
public class SentMessages implements MessagePostProcessor {

    private final Supplier<FlowHistory> history;
    private volatile FlowHistory resolved;

    /** @param history the history, asked for at the first send */
    public SentMessages(Supplier<FlowHistory> history) {
        this.history = history;
    }

    /** Sees what {@code template} publishes from now on; once, however often it is asked. */
    public void watch(RabbitTemplate template) {
        java.util.Collection<MessagePostProcessor> already = template.getBeforePublishPostProcessors(); // null: none yet
        if (already == null || !already.contains(this)) {
            template.addBeforePublishPostProcessors(this);
        }
    }

    @Override
    public Message postProcessMessage(Message message, Correlation correlation, String exchange, String routingKey) {
        FlowHistory kept = resolved;
        if (kept == null) {
            kept = history.get();
            resolved = kept;
        }
        kept.sent(exchange, routingKey, message);
        return message;
    }

    /** Called only where the template knows no destination: nothing to keep. */
    @Override
    public Message postProcessMessage(Message message) {
        return message;
    }
}
