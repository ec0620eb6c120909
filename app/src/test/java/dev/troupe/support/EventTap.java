package dev.troupe.support;

import dev.troupe.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * A test's own subscriber on event_exchange: everything published with the given routing keys, as
 * a consumer sees it. Its queue is auto-delete: gone with its consumer, even if the test JVM is
 * killed, so it never collects messages on the shared broker afterwards.
 */
public final class EventTap implements AutoCloseable {

    private final AmqpAdmin admin;
    private final Runnable release;
    private final Queue queue = new Queue("test.tap." + UUID.randomUUID(), false, false, true);
    private final SimpleMessageListenerContainer container;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    private EventTap(AmqpAdmin admin, ConnectionFactory connectionFactory, Runnable release, String... routingKeys) {
        this.admin = admin;
        this.release = release;
        admin.declareQueue(queue);
        for (String routingKey : routingKeys) {
            admin.declareBinding(BindingBuilder.bind(queue).to(new DirectExchange(Topology.EXCHANGE)).with(routingKey));
        }
        container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue.getName());
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setMessageListener(received::add);
        container.start();
    }

    /** A tap on the application's own connection. */
    public static EventTap on(AmqpAdmin admin, RabbitTemplate rabbit, String... routingKeys) {
        return new EventTap(admin, rabbit.getConnectionFactory(), () -> { }, routingKeys);
    }

    /** A tap with a connection of its own to the broker at {@code port}, whatever happens to the application's. */
    public static EventTap direct(int port, String... routingKeys) {
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", port);
        connectionFactory.setUsername("guest");
        connectionFactory.setPassword("guest");
        return new EventTap(new RabbitAdmin(connectionFactory), connectionFactory, connectionFactory::destroy, routingKeys);
    }

    /** Everything received so far. */
    public List<Message> received() {
        return List.copyOf(received);
    }

    public List<Message> awaitCount(Predicate<Message> matching, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> received().stream().filter(matching).toList(), found -> found.size() >= count);
    }

    /**
     * Stopping the consumer normally deletes the auto-delete queue already; it is deleted here only
     * if it is still there (say, its consumer never started), because the embedded broker, unlike
     * RabbitMQ, answers a delete of a missing queue by closing the channel with a 404, which the
     * connection factory logs as an error. A passive check of a missing queue is logged at debug.
     */
    @Override
    public void close() {
        container.stop();
        if (admin.getQueueProperties(queue.getName()) != null) {
            admin.deleteQueue(queue.getName());
        }
        release.run();
    }
}
