package dev.troupe.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;

/**
 * The exchanges, queues and bindings this process declares, read from its beans (so a subscriber
 * added in code is on the map with no line of the console changed), with each queue's depth and
 * consumers as the broker tells them (a passive declare: RabbitMQ and the embedded broker alike).
 */
public class SystemMap {

    /** What the map shows of a queue. */
    public record QueueView(String name, List<String> routingKeys, String exchange, boolean parking, long depth,
                            long consumers, String owner) {
    }

    /** The map: exchanges and their queues. */
    public record View(List<String> exchanges, List<QueueView> queues) {
    }

    /** A queue's declared shape: where it is bound, with which keys. */
    public record Declared(String name, String exchange, List<String> routingKeys, boolean parking) {
    }

    private final ApplicationContext context;
    /**
     * Looked up at the first look, not at start-up: a RabbitAdmin made early declares the topology on
     * the start-up broker check's connection, and a refused declaration (a queue of another type)
     * would then read as an unreachable broker instead of being explained.
     */
    private final ObjectProvider<AmqpAdmin> admin;
    private final Owners owners;
    private volatile Map<String, Declared> declared;

    public SystemMap(ApplicationContext context, ObjectProvider<AmqpAdmin> admin, Owners owners) {
        this.context = context;
        this.admin = admin;
        this.owners = owners;
    }

    /** The queues as declared, by name: read once from the beans, which do not change while it runs. */
    public Map<String, Declared> declared() {
        if (declared == null) {
            List<Declarable> all = new ArrayList<>();
            context.getBeansOfType(Declarables.class).values().forEach(group -> all.addAll(group.getDeclarables()));
            all.addAll(context.getBeansOfType(Declarable.class).values());
            Map<String, List<String>> keys = new TreeMap<>();
            Map<String, String> exchanges = new LinkedHashMap<>();
            for (Declarable declarable : all) {
                if (declarable instanceof Binding binding && binding.isDestinationQueue()) {
                    keys.computeIfAbsent(binding.getDestination(), queue -> new ArrayList<>()).add(binding.getRoutingKey());
                    exchanges.put(binding.getDestination(), binding.getExchange());
                }
            }
            Map<String, Declared> queues = new TreeMap<>();
            for (Declarable declarable : all) {
                if (declarable instanceof Queue queue && durable(queue)) {
                    String name = queue.getName();
                    queues.put(name, new Declared(name, exchanges.getOrDefault(name, ""),
                        keys.getOrDefault(name, List.of()).stream().distinct().sorted().toList(), name.endsWith(".parked")));
                }
            }
            declared = java.util.Collections.unmodifiableMap(queues);
        }
        return declared;
    }

    /** The routing keys bound to a queue anywhere on the map, by exchange: what a tap binds to see every message. */
    Map<String, List<String>> routes() {
        Map<String, List<String>> routes = new TreeMap<>();
        declared().values().forEach(queue -> queue.routingKeys().forEach(key -> routes
            .computeIfAbsent(queue.exchange(), exchange -> new ArrayList<>()).add(key)));
        routes.replaceAll((exchange, keys) -> keys.stream().distinct().sorted().toList());
        return routes;
    }

    /** The map now: every declared queue with what the broker says of it (depth -1: not there). */
    public View now() {
        List<QueueView> queues = new ArrayList<>();
        for (Declared queue : declared().values()) {
            QueueInformation information = admin.getObject().getQueueInfo(queue.name());
            queues.add(new QueueView(queue.name(), queue.routingKeys(), queue.exchange(), queue.parking(),
                information == null ? -1 : information.getMessageCount(),
                information == null ? -1 : information.getConsumerCount(), owners.of(queue.name())));
        }
        return new View(exchanges(declared().values()), queues);
    }

    private static List<String> exchanges(Collection<Declared> queues) {
        return queues.stream().map(Declared::exchange).filter(exchange -> !exchange.isEmpty()).distinct().sorted().toList();
    }

    /** The choreography's own queues, not a process's reply queue (auto-delete, named per process). */
    private static boolean durable(Queue queue) {
        return queue.isDurable() && !queue.isAutoDelete();
    }
}
