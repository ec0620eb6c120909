package dev.troupe.topology;

import dev.troupe.events.UserRoutes;
import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.Queues;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Every exchange, queue and binding Troupe uses, declared in one place; the exchange, the routing
 * keys and the status queue are the contract's ({@link UserRoutes}), the other queues Troupe's own.
 * The names are the seed's wire contract: a publisher in any language relies on them.
 * Only arguments both RabbitMQ and the embedded Qpid broker accept are used (no x-dead-letter-*,
 * no TTLs): parking is done by the application (the starter's parking).
 */
public final class Topology {

    /** One durable direct exchange carries every event type; the routing key says which. */
    public static final String EXCHANGE = UserRoutes.EXCHANGE;

    public static final String CREATE_USER = UserRoutes.CREATE_USER;
    public static final String DELETE_USER = UserRoutes.DELETE_USER;

    /** Events the users service publishes through its outbox, after the fact. */
    public static final String USER_CREATED = UserRoutes.USER_CREATED;
    public static final String USER_DELETED = UserRoutes.USER_DELETED;
    public static final String USER_REGISTRATION_REJECTED = UserRoutes.USER_REGISTRATION_REJECTED;
    public static final String USER_DELETION_REJECTED = UserRoutes.USER_DELETION_REJECTED;

    public static final String CREATE_USER_OPERATION_QUEUE = "create_user_operation_queue";
    public static final String CREATE_USER_MAIL_QUEUE = "create_user_mail_queue";
    public static final String DELETE_USER_OPERATION_QUEUE = "delete_user_operation_queue";
    /** The mailer's queue in the reliable flow: welcome mails follow registrations that happened. */
    public static final String USER_CREATED_MAIL_QUEUE = "user_created_mail_queue";
    public static final String COUPONS_QUEUE = "coupons_queue";
    public static final String GATEWAY_REQUESTS_QUEUE = "gateway_requests_queue";
    /** Request/reply: "does this user exist?", answered by the users service to the reply_to queue. */
    public static final String USER_STATUS_QUEUE = UserRoutes.USER_STATUS_QUEUE;

    private Topology() {
    }

    /**
     * The queues whose consumers park what they cannot process, in the given flow, whichever
     * services this process runs. The coupons' and the gateway's are also derived from their
     * subscribers (their {@code @Subscriber} classes); they are listed here too so that every process declares
     * them, and an event published before their service first ran still waits for them. A new
     * subscriber need not be listed: its queue is there once its service has run.
     */
    public static List<String> consumerQueues(Flow flow) {
        return List.of(CREATE_USER_OPERATION_QUEUE, DELETE_USER_OPERATION_QUEUE, mailQueue(flow), COUPONS_QUEUE,
            GATEWAY_REQUESTS_QUEUE, USER_STATUS_QUEUE);
    }

    /** The mailer's queue: the seed's, bound to the create_user command, or the reliable one, bound to user_created. */
    public static String mailQueue(Flow flow) {
        return flow == Flow.NAIVE ? CREATE_USER_MAIL_QUEUE : USER_CREATED_MAIL_QUEUE;
    }

    public static Declarables declarables(Flow flow) {
        return declarables(flow, MessagingSettings.QueueType.CLASSIC);
    }

    /** Declared by every service, so a publish is routable whichever process starts first. */
    static Declarables declarables(Flow flow, MessagingSettings.QueueType type) {
        DirectExchange exchange = new DirectExchange(EXCHANGE, true, false);
        List<Declarable> all = new ArrayList<>();
        all.add(exchange);
        bind(all, exchange, Queues.durable(CREATE_USER_OPERATION_QUEUE, type), CREATE_USER);
        bind(all, exchange, Queues.durable(DELETE_USER_OPERATION_QUEUE, type), DELETE_USER);
        bind(all, exchange, Queues.durable(mailQueue(flow), type), flow == Flow.NAIVE ? CREATE_USER : USER_CREATED);
        bind(all, exchange, Queues.durable(COUPONS_QUEUE, type), USER_CREATED, USER_DELETED);
        bind(all, exchange, Queues.durable(GATEWAY_REQUESTS_QUEUE, type), USER_CREATED, USER_REGISTRATION_REJECTED,
            USER_DELETED, USER_DELETION_REJECTED);
        all.add(Queues.durable(USER_STATUS_QUEUE, type));
        consumerQueues(flow).forEach(queue -> all.add(Queues.durable(Queues.parkingQueueOf(queue), type)));
        return new Declarables(all);
    }

    private static void bind(List<Declarable> all, DirectExchange exchange, Queue queue, String... routingKeys) {
        all.add(queue);
        for (String routingKey : routingKeys) {
            Binding binding = BindingBuilder.bind(queue).to(exchange).with(routingKey);
            all.add(binding);
        }
    }
}
