package dev.troupe.support;

import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** Test-side broker access: reading what landed in a queue. */
public final class Broker {

    private Broker() {
    }

    /**
     * Waits for the message with {@code messageId} in {@code queue}, taking (and dropping) what
     * stands before it: on the shared real broker a parking queue may hold earlier runs' messages.
     */
    public static Message awaitMessage(RabbitTemplate template, String queue, String messageId) {
        Message[] found = new Message[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            found[0] = drainUntil(template, queue, messageId).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static Optional<Message> drainUntil(RabbitTemplate template, String queue, String messageId) {
        for (Message message = template.receive(queue, 200); message != null; message = template.receive(queue, 50)) {
            if (messageId.equals(message.getMessageProperties().getMessageId())) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }
}
