package dev.troupe.messaging.internal;

import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.Queues;
import dev.troupe.messaging.Subscriber;

import dev.troupe.messaging.api.Route;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The {@link Subscriber}s of this process and what each owns: its queue, bound to the route of
 * every event it has a method for, and its parking queue. Derived from the subscriber classes, so
 * adding one edits no shared list; read from the bean definitions, so no subscriber is created
 * early for it. A subscriber's queue exists once its service has run: it sees the events
 * published from then on.
 */
public class Subscriptions {

    /** One subscriber: its bean's name and class, its annotation, and the routes of the events it handles. */
    record Subscription(String beanName, Class<?> type, Subscriber subscriber, List<Route> routes) {
    }

    private final ApplicationContext context;
    private volatile List<Subscription> all;

    Subscriptions(ApplicationContext context) {
        this.context = context;
    }

    /** Computed once; two threads racing compute the same list. */
    List<Subscription> all() {
        if (all == null) {
            List<Subscription> found = new ArrayList<>();
            for (String name : context.getBeanNamesForAnnotation(Subscriber.class)) {
                Class<?> type = context.getType(name);
                // a CGLIB proxy's class is a subclass of the subscriber's: read the subscriber's own
                Class<?> target = ClassUtils.getUserClass(type);
                Subscriber subscriber = context.findAnnotationOnBean(name, Subscriber.class);
                found.add(new Subscription(name, target, subscriber, Handlers.routesOf(target)));
            }
            all = List.copyOf(found);
        }
        return all;
    }

    /** The subscribers' queues, whose consumers park what they cannot process. */
    public List<String> queues() {
        return all().stream().map(subscription -> subscription.subscriber().queue()).toList();
    }

    /** Each subscriber's queue with its bindings and its parking queue, every durable queue of one type. */
    Declarables declarables(MessagingSettings.QueueType type) {
        List<Declarable> declarables = new ArrayList<>();
        for (Subscription subscription : all()) {
            Queue queue = Queues.durable(subscription.subscriber().queue(), type);
            declarables.add(queue);
            declarables.add(Queues.durable(Queues.parkingQueueOf(queue.getName()), type));
            for (Route route : subscription.routes()) {
                DirectExchange exchange = new DirectExchange(route.exchange(), true, false);
                declarables.add(exchange);
                declarables.add(BindingBuilder.bind(queue).to(exchange).with(route.key()));
            }
        }
        return new Declarables(declarables);
    }
}
