package dev.troupe.console.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sees every message published to the choreography's exchanges, from any process, while someone
 * watches: an auto-delete queue of its own, on a connection of its own (not one of the application's
 * cached channels, whose close only returns them to the cache), bound with every routing key on the
 * map, consumed with automatic acknowledgement; closing the connection ends its consumer and so
 * deletes the queue. With nobody watching it is not there, so it
 * costs the broker nothing; while it is, each publish is one more copy for the broker to route,
 * which the benchmark measures. What it sees goes to the {@link FlowHistory}, for a page that opens.
 */
public class MessageTap {

    private static final Logger log = LoggerFactory.getLogger(MessageTap.class);

    /** One message seen: when, where it went, its ids, the user it is about, its size. */
    public record Seen(Instant at, String exchange, String routingKey, String messageId, String correlationId,
                       String userId, String email, int bytes) {

        /** The same without the address, for one who may not see personal data. */
        public Seen withoutEmail() {
            return email == null ? this : new Seen(at, exchange, routingKey, messageId, correlationId, userId, null, bytes);
        }

        /** A message as published, its user and address read from its body (JSON, or not: then none). */
        static Seen of(Instant at, String exchange, String routingKey, String messageId, String correlationId,
                       byte[] body, JsonMapper json) {
            JsonNode document = read(body, json);
            return new Seen(at, exchange, routingKey, messageId, correlationId, text(document, "user_id", "id"),
                text(document, "email"), body.length);
        }
    }

    private final ConnectionFactory connections;
    private final Supplier<Map<String, List<String>>> routes;
    private final JsonMapper json;
    private final FlowHistory history;
    private volatile Consumer<Seen> onSeen = seen -> { };
    private Connection connection;
    private Channel channel;
    private String queue;

    /** @param connections the application's own client factory (its address, login and socket settings) */
    public MessageTap(ConnectionFactory connections, Supplier<Map<String, List<String>>> routes, JsonMapper json,
                      FlowHistory history) {
        this.connections = connections;
        this.routes = routes;
        this.json = json;
        this.history = history;
    }

    /** Where each message seen goes, as it comes (one at a time, on the tap's consumer thread). */
    public void onSeen(Consumer<Seen> onSeen) {
        this.onSeen = onSeen;
    }

    /** Binds the tap; a tap already open stays as it is; one that fails to open leaves nothing behind. */
    public synchronized void open() throws IOException {
        if (channel != null && channel.isOpen()) {
            return;
        }
        close();
        history.binding();
        try {
            connection = connections.newConnection("troupe-console-tap");
            channel = connection.createChannel();
            queue = "troupe.console.tap." + UUID.randomUUID();
            // auto-delete, not exclusive: deleted once its one consumer goes, and a passive declare can see it
            channel.queueDeclare(queue, false, false, true, null);
            for (Map.Entry<String, List<String>> exchange : routes.get().entrySet()) {
                for (String key : exchange.getValue()) {
                    channel.queueBind(queue, exchange.getKey(), key);
                }
            }
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    seen(envelope, properties, body);
                }
            });
            history.tapping(true);
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            deleteQueue(); // never consumed, an auto-delete queue would stay
            close();
            throw new IOException("the console could not tap the exchanges: " + e.getMessage(), e);
        }
        log.info("Console tap {} bound to {}", queue, routes.get());
    }

    private void deleteQueue() {
        try {
            if (channel != null && channel.isOpen()) {
                channel.queueDelete(queue);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Console tap queue {} not deleted: {}", queue, e.toString());
        }
    }

    /** Unbinds it: its connection closed, its queue goes with its consumer. */
    public synchronized void close() {
        history.tapping(false); // this process's own sends are kept again from now on
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Console tap closed with {}", e.toString());
            }
        }
        connection = null;
        channel = null;
    }

    /** The queue the tap last declared, or null before the first. */
    public synchronized String queue() {
        return queue;
    }

    public synchronized boolean isOpen() {
        return channel != null && channel.isOpen();
    }

    /** The last messages kept, oldest first: the tap's, and this process's own sent while it did not run. */
    public List<Seen> recent() {
        return history.recent();
    }

    private void seen(Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        Seen seen = Seen.of(Instant.now(), envelope.getExchange(), envelope.getRoutingKey(), properties.getMessageId(),
            properties.getCorrelationId(), body, json);
        history.tapped(seen);
        onSeen.accept(seen);
    }

    private static JsonNode read(byte[] body, JsonMapper json) {
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return null; // a poison message: shown with what its envelope says
        }
    }

    private static String text(JsonNode document, String... fields) {
        if (document == null || !document.isObject()) {
            return null;
        }
        for (String field : fields) {
            JsonNode value = document.get(field);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return value.asString();
            }
        }
        return null;
    }
}
