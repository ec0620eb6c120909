package dev.troupe.messaging.asyncapi.internal;

import dev.troupe.messaging.asyncapi.Publishes;
import dev.troupe.messaging.asyncapi.Requests;

import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;
import dev.troupe.messaging.api.Route;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What a process has on the broker, read from its application context once it has started: the
 * exchanges, queues and bindings it declares (its {@code Declarable} and {@code Declarables} beans,
 * the starter's own and the application's), its consumers ({@link Subscriber}s and
 * {@code @RabbitListener}s, {@link Listeners}), what it declares it publishes and asks
 * ({@link Publishes}, {@link Requests}) and the {@link Route} records it can know of. Types are read
 * from the bean definitions; only the declarations, which are beans already, are asked for.
 */
final class MessagingInventory {

    /** @param type null where this process does not declare it */
    record Exchange(String name, String type, boolean durable, boolean autoDelete) {
    }

    record QueueDeclaration(String name, boolean durable, boolean exclusive, boolean autoDelete) {
    }

    record Binding(String exchange, String routingKey, String queue) {
    }

    /**
     * A subscriber, or a {@code @RabbitListener} method.
     *
     * @param messages the types it reads; empty where its parameter does not say (a raw message)
     * @param replies  the types it answers with, to a request's {@code reply_to}
     */
    record Consumer(String name, boolean subscriber, String declaredBy, String queue, List<Class<?>> messages,
                    List<Class<?>> replies) {
    }

    record Publication(Class<?> message, String declaredBy) {
    }

    /** @param queue empty: to the request type's route */
    record Request(Class<?> message, String queue, List<Class<?>> replies, String declaredBy) {
    }

    /** Where the process connects: host, port, virtual host. */
    record Broker(String host, int port, String virtualHost) {
    }

    /**
     * @param routed every {@link Route} record this process can know of: those its consumers read and it
     *               publishes, and those in its packages (the application's, and theirs), whether bound here or not
     */
    record Inventory(List<Exchange> exchanges, List<QueueDeclaration> queues, List<Binding> bindings,
                     List<Consumer> consumers, List<Publication> publications, List<Request> requests,
                     List<Class<?>> routed, Broker broker) {
    }

    private MessagingInventory() {
    }

    static Inventory of(ConfigurableApplicationContext context) {
        List<Declarable> declared = new ArrayList<>();
        context.getBeansOfType(Declarables.class).values().forEach(group -> declared.addAll(group.getDeclarables()));
        declared.addAll(context.getBeansOfType(Declarable.class).values());
        Map<String, Exchange> exchanges = new LinkedHashMap<>();
        Map<String, QueueDeclaration> queues = new LinkedHashMap<>();
        Set<Binding> bindings = new LinkedHashSet<>();
        for (Declarable declarable : declared) {
            if (declarable instanceof org.springframework.amqp.core.Exchange exchange) {
                exchanges.putIfAbsent(exchange.getName(), new Exchange(exchange.getName(), exchange.getType(),
                    exchange.isDurable(), exchange.isAutoDelete()));
            } else if (declarable instanceof Queue queue) {
                queues.putIfAbsent(queue.getName(), new QueueDeclaration(queue.getName(), queue.isDurable(),
                    queue.isExclusive(), queue.isAutoDelete()));
            } else if (declarable instanceof org.springframework.amqp.core.Binding binding && binding.isDestinationQueue()) {
                bindings.add(new Binding(binding.getExchange(), binding.getRoutingKey(), binding.getDestination()));
            }
        }
        List<Consumer> consumers = new ArrayList<>();
        List<Publication> publications = new ArrayList<>();
        List<Request> requests = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = typeOf(context, name);
            if (type == null) {
                continue;
            }
            Subscriber subscriber = context.findAnnotationOnBean(name, Subscriber.class);
            if (subscriber != null) {
                consumers.add(subscriberOf(type, subscriber));
            }
            consumers.addAll(Listeners.of(type, name, context.getEnvironment()));
            publications.addAll(publicationsOf(type));
            requests.addAll(requestsOf(type));
        }
        List<Class<?>> routed = routed(context, consumers, publications, requests);
        return new Inventory(List.copyOf(exchanges.values()), List.copyOf(queues.values()), List.copyOf(bindings),
            consumers, publications, requests, routed, brokerOf(context));
    }

    /** The bean's class, not its proxy's; null where it cannot be known without making the bean. */
    private static Class<?> typeOf(ConfigurableApplicationContext context, String name) {
        try {
            Class<?> type = context.getType(name, false);
            return type == null ? null : ClassUtils.getUserClass(type);
        } catch (RuntimeException | LinkageError unknowable) {
            return null; // a factory bean that cannot say, or a class missing an optional dependency
        }
    }

    /** Its {@link Handler} methods, as the starter finds them: declared in the class itself. */
    private static Consumer subscriberOf(Class<?> type, Subscriber subscriber) {
        List<Class<?>> messages = new ArrayList<>();
        Set<Class<?>> replies = new LinkedHashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Handler.class) || method.getParameterCount() == 0) {
                continue;
            }
            messages.add(method.getParameterTypes()[0]);
            replies.addAll(ReplyTypes.of(method));
        }
        messages.sort(Comparator.comparing(Class::getSimpleName));
        return new Consumer(subscriber.name(), true, type.getSimpleName(), subscriber.queue(), List.copyOf(messages),
            List.copyOf(replies));
    }

    private static List<Publication> publicationsOf(Class<?> type) {
        Publishes publishes = AnnotatedElementUtils.findMergedAnnotation(type, Publishes.class);
        if (publishes == null) {
            return List.of();
        }
        return Arrays.stream(publishes.value()).map(message -> new Publication(routedOrRefused(message, type), type.getSimpleName()))
            .toList();
    }

    private static List<Request> requestsOf(Class<?> type) {
        return AnnotatedElementUtils.findMergedRepeatableAnnotations(type, Requests.class, Requests.All.class).stream()
            .map(request -> new Request(request.queue().isEmpty() ? routedOrRefused(request.value(), type) : request.value(),
                request.queue(), List.of(request.replies()), type.getSimpleName()))
            .toList();
    }

    private static Class<?> routedOrRefused(Class<?> message, Class<?> declaredBy) {
        if (!message.isAnnotationPresent(Route.class)) {
            throw new IllegalStateException(declaredBy.getName() + " declares " + message.getName()
                + ", which names no @Route: a message published to an exchange is a record with its route");
        }
        return message;
    }

    /**
     * The route records consumed, published or asked here, and those under the application's
     * packages and theirs: the types of the messages a declared binding carries, when no consumer
     * here reads them (a queue every process declares for a service that runs elsewhere).
     */
    private static List<Class<?>> routed(ConfigurableApplicationContext context, List<Consumer> consumers,
                                         List<Publication> publications, List<Request> requests) {
        Set<Class<?>> known = new LinkedHashSet<>();
        consumers.forEach(consumer -> consumer.messages().stream().filter(type -> type.isAnnotationPresent(Route.class))
            .forEach(known::add));
        publications.forEach(publication -> known.add(publication.message()));
        requests.stream().map(Request::message).filter(type -> type.isAnnotationPresent(Route.class)).forEach(known::add);
        Set<String> packages = new LinkedHashSet<>();
        if (AutoConfigurationPackages.has(context.getBeanFactory())) {
            packages.addAll(AutoConfigurationPackages.get(context.getBeanFactory()));
        }
        known.forEach(type -> packages.add(type.getPackageName()));
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
            context.getEnvironment());
        scanner.setResourceLoader(context);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (String root : outermost(packages)) {
            scanner.findCandidateComponents(root).forEach(candidate ->
                known.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), context.getClassLoader())));
        }
        return known.stream().sorted(Comparator.comparing(Class::getName)).toList();
    }

    /** Each package once: {@code com.example} covers {@code com.example.events}. */
    private static List<String> outermost(Set<String> packages) {
        return packages.stream().filter(name -> packages.stream().noneMatch(other -> !other.equals(name)
            && name.startsWith(other + "."))).sorted().toList();
    }

    private static Broker brokerOf(ConfigurableApplicationContext context) {
        ConnectionFactory connections = context.getBeanProvider(ConnectionFactory.class).getIfUnique();
        return connections == null ? null
            : new Broker(connections.getHost(), connections.getPort(), connections.getVirtualHost());
    }
}
