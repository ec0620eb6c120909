package dev.troupe.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import dev.troupe.messaging.Topology;

/** A test's own queue on event_exchange: everything published with a routing key, as a subscriber sees it. */
public final class EventTap implements AutoCloseable {

    private final AmqpAdmin admin;
    private final RabbitTemplate rabbit;
    private final Queue queue;
    private final List<Message> received = new ArrayList<>();

    private EventTap(AmqpAdmin admin, RabbitTemplate rabbit, String... routingKeys) {
        this.admin = admin;
        this.rabbit = rabbit;
        this.queue = new Queue("test.tap." + UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        for (String routingKey : routingKeys) {
            Binding binding = BindingBuilder.bind(queue).to(new DirectExchange(Topology.EXCHANGE)).with(routingKey);
            admin.declareBinding(binding);
        }
    }

    public static EventTap on(AmqpAdmin admin, RabbitTemplate rabbit, String... routingKeys) {
        return new EventTap(admin, rabbit, routingKeys);
    }

    /** Everything received so far. */
    public synchronized List<Message> received() {
        for (Message message = rabbit.receive(queue.getName()); message != null; message = rabbit.receive(queue.getName())) {
            received.add(message);
        }
        return List.copyOf(received);
    }

    public List<Message> awaitCount(Predicate<Message> matching, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> received().stream().filter(matching).toList(), found -> found.size() >= count);
    }

    @Override
    public void close() {
        admin.deleteQueue(queue.getName());
    }
}
