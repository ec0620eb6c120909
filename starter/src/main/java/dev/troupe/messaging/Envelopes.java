package dev.troupe.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds outgoing messages with the properties every Troupe message carries: persistent, JSON,
 * message id, type, timestamp and correlation id. The body is plain JSON with no Java type
 * header, so publishers and consumers in other languages see only the seed's contract.
 */
public class Envelopes {

    static final String APP_ID = "troupe";

    /**
     * When the message was committed, in epoch milliseconds: AMQP's own timestamp property counts
     * whole seconds, too coarse for the consumers' delivery lag. RabbitMQ's message-timestamp plugin
     * uses the same name.
     */
    public static final String TIMESTAMP_MS = "timestamp_in_ms";

    private final JsonMapper json;

    public Envelopes(JsonMapper json) {
        this.json = json;
    }

    /** Reads a JSON body; an unreadable one can never be processed, so it is a permanent failure. */
    public <T> T read(Message message, Class<T> type) {
        try {
            return json.readValue(message.getBody(), type);
        } catch (JacksonException e) {
            throw new PermanentMessageFailure("unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /**
     * What a message is: its type property, which Troupe always sets, else the routing key it was
     * published with (a redelivery arrives with its queue's name as routing key, its type intact).
     */
    public static String typeOf(Message message) {
        return typeOf(message.getMessageProperties());
    }

    /** The same, from a message's properties. */
    public static String typeOf(MessageProperties properties) {
        String type = properties.getType();
        return type != null ? type : String.valueOf(properties.getReceivedRoutingKey());
    }

    /**
     * A publisher that set no type (the seed's) named the message by its routing key: records that
     * as its type before the message is sent on straight to a queue (a retry, parking), where the
     * routing key becomes the queue's name. Nothing to keep if it came straight to the queue itself.
     */
    public static void keepType(MessageProperties properties) {
        String exchange = properties.getReceivedExchange();
        if (properties.getType() == null && exchange != null && !exchange.isEmpty()) {
            properties.setType(properties.getReceivedRoutingKey());
        }
    }

    public Message wrap(Object body, String type, String messageId, String correlationId) {
        MessageProperties properties = properties(messageId, type, correlationId, MessageProperties.CONTENT_TYPE_JSON,
            new Date());
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        return new Message(json.writeValueAsBytes(body), properties);
    }

    /** What every message Troupe publishes carries, whether sent at once or relayed from the outbox. */
    public static MessageProperties properties(String messageId, String type, String correlationId, String contentType,
                                               Date timestamp) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setType(type);
        properties.setCorrelationId(correlationId);
        properties.setContentType(contentType);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setAppId(APP_ID);
        properties.setTimestamp(timestamp);
        if (timestamp != null) {
            properties.setHeader(TIMESTAMP_MS, timestamp.getTime());
        }
        return properties;
    }

    /**
     * The message id, or for a publisher that sets none (the seed's) a digest of routing key and
     * body, so that a redelivery of the same message is still recognised.
     */
    public static String idOf(Message message) {
        String id = message.getMessageProperties().getMessageId();
        if (id != null && !id.isBlank()) {
            return id;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(message.getMessageProperties().getReceivedRoutingKey()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return "sha256:" + HexFormat.of().formatHex(sha.digest(message.getBody()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
