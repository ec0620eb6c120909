package dev.troupe.messaging.parking.internal;

import dev.troupe.messaging.Queues;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.context.ApplicationContext;

/**
 * The queues whose consumers park, found from what this process declares: every queue with its
 * parking queue ({@code <queue>.parked}) declared beside it, be it a subscriber's (the starter
 * declares both) or one the application declares itself. A parked message may be replayed only to
 * one of these: elsewhere no consumer of this topology would take it.
 */
record ParkedQueues(List<String> consumerQueues) {

    static ParkedQueues declaredIn(ApplicationContext context) {
        Set<String> names = new TreeSet<>();
        Stream.concat(context.getBeansOfType(Queue.class).values().stream(),
                context.getBeansOfType(Declarables.class).values().stream()
                    .flatMap(declarables -> declarables.getDeclarablesByType(Queue.class).stream()))
            .map(Queue::getName).forEach(names::add);
        return new ParkedQueues(names.stream()
            .filter(name -> !name.endsWith(Queues.PARKED_SUFFIX) && names.contains(Queues.parkingQueueOf(name)))
            .toList());
    }
}
