package dev.troupe.messaging;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Every exchange, queue and binding Troupe uses, declared in one place.
 * The names are the seed's wire contract: a publisher in any language relies on them.
 * Only arguments both RabbitMQ and the embedded Qpid broker accept are used (no x-dead-letter-*,
 * no TTLs): parking is done by the application, see {@link Parking}.
 */
public final class Topology {

    /** One durable direct exchange carries every event type; the routing key says which. */
    public static final String EXCHANGE = "event_exchange";

    public static final String CREATE_USER = "create_user";
    public static final String DELETE_USER = "delete_user";

    public static final String CREATE_USER_OPERATION_QUEUE = "create_user_operation_queue";
    public static final String CREATE_USER_MAIL_QUEUE = "create_user_mail_queue";
    public static final String DELETE_USER_OPERATION_QUEUE = "delete_user_operation_queue";

    /** Suffix of the queue where a consumer's unprocessable messages wait for an operator. */
    public static final String PARKED_SUFFIX = ".parked";

    private static final List<String> CONSUMER_QUEUES =
        List.of(CREATE_USER_OPERATION_QUEUE, CREATE_USER_MAIL_QUEUE, DELETE_USER_OPERATION_QUEUE);

    private Topology() {
    }

    public static String parkingQueueOf(String queue) {
        return queue + PARKED_SUFFIX;
    }

    public static List<String> consumerQueues() {
        return CONSUMER_QUEUES;
    }

    /** Declared by every service, so a publish is routable whichever process starts first. */
    static Declarables declarables() {
        DirectExchange exchange = new DirectExchange(EXCHANGE, true, false);
        List<Declarable> all = new ArrayList<>();
        all.add(exchange);
        all.add(bind(exchange, CREATE_USER_OPERATION_QUEUE, CREATE_USER, all));
        all.add(bind(exchange, CREATE_USER_MAIL_QUEUE, CREATE_USER, all));
        all.add(bind(exchange, DELETE_USER_OPERATION_QUEUE, DELETE_USER, all));
        CONSUMER_QUEUES.forEach(queue -> all.add(QueueBuilder.durable(parkingQueueOf(queue)).build()));
        return new Declarables(all);
    }

    private static Binding bind(DirectExchange exchange, String queueName, String routingKey, List<Declarable> all) {
        Queue queue = QueueBuilder.durable(queueName).build();
        all.add(queue);
        return BindingBuilder.bind(queue).to(exchange).with(routingKey);
    }
}
