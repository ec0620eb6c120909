package dev.troupe.console.amqp;

import dev.troupe.console.Owners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;

/**
 * Pauses and resumes a service's consumers in this process: its listener containers stop taking
 * messages (what they hold is finished and acknowledged first; the rest waits in the queue) and
 * start again, as if the service were down and back: the seed's "what if the mailer is down",
 * watched live on the map.
 */
public class ConsumerSwitch {

    /** A service's consumers here: the queues they take from, and whether they run. */
    public record Service(String name, List<String> queues, boolean running) {
    }

    private final RabbitListenerEndpointRegistry registry;
    private final Owners owners;

    public ConsumerSwitch(RabbitListenerEndpointRegistry registry, Owners owners) {
        this.registry = registry;
        this.owners = owners;
    }

    /** Each service with consumers in this process. */
    public List<Service> services() {
        Map<String, List<String>> queues = new TreeMap<>();
        Map<String, Boolean> running = new TreeMap<>();
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            for (String queue : queuesOf(container)) {
                String service = owners.of(queue);
                if (!service.isEmpty()) {
                    queues.computeIfAbsent(service, name -> new ArrayList<>()).add(queue);
                    running.merge(service, container.isRunning(), Boolean::logicalAnd);
                }
            }
        }
        return queues.entrySet().stream()
            .map(entry -> new Service(entry.getKey(), entry.getValue().stream().sorted().distinct().toList(),
                running.get(entry.getKey()))).toList();
    }

    /** Stops or starts every consumer of {@code service} here; false where it has none. */
    public boolean run(String service, boolean running) {
        boolean found = false;
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            if (queuesOf(container).stream().anyMatch(queue -> owners.of(queue).equals(service))) {
                found = true;
                if (running) {
                    container.start();
                } else {
                    container.stop();
                }
            }
        }
        return found;
    }

    private static List<String> queuesOf(MessageListenerContainer container) {
        return container instanceof AbstractMessageListenerContainer listening ? List.of(listening.getQueueNames()) : List.of();
    }
}
