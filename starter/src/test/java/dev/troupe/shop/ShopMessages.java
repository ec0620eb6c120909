package dev.troupe.shop;

import dev.troupe.messaging.ConfirmedPublisher;
import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/** A message sent straight to the dispatch queue, as a publisher other than the outbox would: confirmed, JSON. */
final class ShopMessages {

    private ShopMessages() {
    }

    static String sendToDispatch(ConfirmedPublisher publisher, String messageId, String type, String body) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setType(type);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        publisher.publish("", Dispatch.QUEUE, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
        return messageId;
    }
}
