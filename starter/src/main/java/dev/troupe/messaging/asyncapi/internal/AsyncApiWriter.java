package dev.troupe.messaging.asyncapi.internal;

import dev.troupe.messaging.Queues;

import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.api.RoutedEvent;
import dev.troupe.messaging.asyncapi.internal.MessagingInventory.Binding;
import dev.troupe.messaging.asyncapi.internal.MessagingInventory.Broker;
import dev.troupe.messaging.asyncapi.internal.MessagingInventory.Consumer;
import dev.troupe.messaging.asyncapi.internal.MessagingInventory.Exchange;
import dev.troupe.messaging.asyncapi.internal.MessagingInventory.Inventory;
import dev.troupe.messaging.asyncapi.internal.MessagingInventory.Publication;
import dev.troupe.messaging.asyncapi.internal.MessagingInventory.QueueDeclaration;
import dev.troupe.messaging.asyncapi.internal.MessagingInventory.Request;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@link Inventory} as an AsyncAPI 3.0.0 document, with the AMQP 0-9-1 bindings (0.3.0):
 * <ul>
 * <li>a channel per routing key of an exchange (AMQP {@code is: routingKey}), where publishers send:
 * a key bound here, or the route of a message consumed, published or asked here;</li>
 * <li>a channel per queue ({@code is: queue}), where consumers receive: every durable queue this
 * process declares (a process's own reply queue, transient, is the reply's address instead),
 * each consumer's, each request's;</li>
 * <li>a receive operation per consumer, a send operation per routing key published here and per
 * request, with a {@code reply} where a request is answered: to the {@code reply_to} header, in
 * a channel of no fixed address;</li>
 * <li>a message per type, its payload the record's JSON Schema ({@link PayloadSchemas}), its
 * headers the AMQP properties every message of the machinery carries.</li>
 * </ul>
 * Keys are sorted, so that the same code makes the same document.
 */
final class AsyncApiWriter {

    static final String VERSION = "3.0.0";
    static final String BINDING_VERSION = "0.3.0";
    static final String REPLY_TO = "$message.header#/reply_to";
    private static final String CORRELATION_ID = "$message.header#/correlation_id";

    /** What the document says of the application. */
    record Info(String title, String version, String description) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> EXCHANGE_TYPES = Set.of("direct", "topic", "fanout", "headers");

    private final PayloadSchemas schemas;

    AsyncApiWriter(PayloadSchemas schemas) {
        this.schemas = schemas;
    }

    /** A routing key on an exchange: where a message with that route goes. */
    private record RouteKey(String exchange, String key) {
        static RouteKey of(Class<?> type) {
            Route route = type.getAnnotation(Route.class);
            return new RouteKey(route.exchange(), route.key());
        }
    }

    ObjectNode write(Inventory inventory, Info info) {
        return new Document(inventory).write(info);
    }

    /** One document's making: its channels and messages, named once, then written. */
    private final class Document {

        private final Inventory inventory;
        private final String vhost;
        private final Map<RouteKey, String> routeChannels = new TreeMap<>(Comparator.comparing(RouteKey::exchange)
            .thenComparing(RouteKey::key));
        private final Map<String, String> queueChannels = new TreeMap<>();
        private final Map<String, Set<Class<?>>> channelMessages = new LinkedHashMap<>();
        private final Map<Class<?>, String> messageIds = new LinkedHashMap<>();
        private final Set<Class<?>> requestTypes = new LinkedHashSet<>();
        private final ObjectNode channels = NODES.objectNode();
        private final ObjectNode operations = NODES.objectNode();

        Document(Inventory inventory) {
            this.inventory = inventory;
            this.vhost = inventory.broker() == null || inventory.broker().virtualHost() == null ? "/"
                : inventory.broker().virtualHost();
        }

        ObjectNode write(Info info) {
            nameChannels();
            ObjectNode document = NODES.objectNode();
            document.put("asyncapi", VERSION);
            ObjectNode about = document.putObject("info");
            about.put("title", info.title());
            about.put("version", info.version());
            about.put("description", info.description());
            document.put("defaultContentType", "application/json");
            if (inventory.broker() != null) {
                document.putObject("servers").set("broker", server(inventory.broker()));
            }
            routeChannels.forEach(this::routeChannel);
            queueChannels.forEach(this::queueChannel);
            consumerOperations();
            publicationOperations();
            requestOperations();
            document.set("channels", channels);
            document.set("operations", operations);
            ObjectNode components = document.putObject("components");
            PayloadSchemas.Schemas payloads = schemas.of(messageIds.keySet());
            ObjectNode messages = components.putObject("messages");
            messageIds.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(entry ->
                messages.set(entry.getValue(), message(entry.getKey(), payloads.references().get(entry.getKey()))));
            components.set("schemas", payloads.definitions());
            return document;
        }

        /** The channels first, so that a routing key and a queue of the same name get ids of their own. */
        private void nameChannels() {
            Set<RouteKey> keys = new LinkedHashSet<>();
            inventory.bindings().stream().filter(binding -> !binding.exchange().isEmpty())
                .forEach(binding -> keys.add(new RouteKey(binding.exchange(), binding.routingKey())));
            inventory.consumers().forEach(consumer -> routedIn(consumer.messages()).forEach(type -> keys.add(RouteKey.of(type))));
            inventory.publications().forEach(publication -> keys.add(RouteKey.of(publication.message())));
            inventory.requests().stream().filter(request -> request.queue().isEmpty())
                .forEach(request -> keys.add(RouteKey.of(request.message())));
            Map<String, Long> exchangesOfKey = keys.stream().collect(Collectors.groupingBy(RouteKey::key, Collectors.counting()));
            Set<String> taken = new LinkedHashSet<>();
            for (RouteKey key : keys) {
                String id = AsyncApiIds.of(exchangesOfKey.get(key.key()) > 1 ? key.exchange() + "." + key.key() : key.key());
                routeChannels.put(key, AsyncApiIds.unique(id, taken));
                taken.add(routeChannels.get(key));
            }
            for (String queue : queues().keySet()) {
                queueChannels.put(queue, AsyncApiIds.unique(AsyncApiIds.of(queue), taken));
                taken.add(queueChannels.get(queue));
            }
            inventory.requests().forEach(request -> requestTypes.add(request.message()));
        }

        /** Every queue the document has: those declared (not a transient one), the consumers', the requests'. */
        private Map<String, QueueDeclaration> queues() {
            Map<String, QueueDeclaration> queues = new TreeMap<>();
            inventory.queues().stream().filter(queue -> queue.durable() || !queue.autoDelete())
                .forEach(queue -> queues.put(queue.name(), queue));
            inventory.consumers().forEach(consumer -> queues.putIfAbsent(consumer.queue(), null));
            inventory.requests().stream().filter(request -> !request.queue().isEmpty())
                .forEach(request -> queues.putIfAbsent(request.queue(), null));
            return queues;
        }

        private void routeChannel(RouteKey key, String id) {
            List<Class<?>> messages = inventory.routed().stream().filter(type -> RouteKey.of(type).equals(key)).toList();
            ObjectNode channel = channel(id, key.key(), messages);
            List<String> queues = inventory.bindings().stream().filter(binding -> binding.exchange().equals(key.exchange())
                && binding.routingKey().equals(key.key())).map(Binding::queue).distinct().sorted().toList();
            channel.put("description", "Routing key `" + key.key() + "` of exchange `" + key.exchange() + "`"
                + (queues.isEmpty() ? ", bound to no queue this process declares." : ", bound to " + quoted(queues) + "."));
            ObjectNode amqp = amqp(channel.putObject("bindings"));
            amqp.put("is", "routingKey");
            ObjectNode exchange = amqp.putObject("exchange");
            exchange.put("name", key.exchange());
            Exchange declared = inventory.exchanges().stream().filter(candidate -> candidate.name().equals(key.exchange()))
                .findFirst().orElse(null);
            if (declared != null) {
                if (EXCHANGE_TYPES.contains(declared.type())) {
                    exchange.put("type", declared.type()); // a plugin's type (x-delayed-message) has no name in the binding
                }
                exchange.put("durable", declared.durable());
                exchange.put("autoDelete", declared.autoDelete());
            }
            exchange.put("vhost", vhost);
            amqp.put("bindingVersion", BINDING_VERSION);
        }

        private void queueChannel(String queue, String id) {
            Set<Class<?>> messages = new LinkedHashSet<>();
            List<Binding> bindings = inventory.bindings().stream().filter(binding -> binding.queue().equals(queue)).toList();
            inventory.routed().stream().filter(type -> bindings.stream().anyMatch(binding ->
                RouteKey.of(type).equals(new RouteKey(binding.exchange(), binding.routingKey())))).forEach(messages::add);
            consumersOf(queue).forEach(consumer -> messages.addAll(consumer.messages()));
            inventory.requests().stream().filter(request -> request.queue().equals(queue)).map(Request::message)
                .forEach(messages::add);
            ObjectNode channel = channel(id, queue, sorted(messages));
            channel.put("description", describe(queue, bindings));
            ObjectNode amqp = amqp(channel.putObject("bindings"));
            amqp.put("is", "queue");
            ObjectNode declaration = amqp.putObject("queue");
            declaration.put("name", queue);
            QueueDeclaration declared = queues().get(queue);
            if (declared != null) {
                declaration.put("durable", declared.durable());
                declaration.put("exclusive", declared.exclusive());
                declaration.put("autoDelete", declared.autoDelete());
            }
            declaration.put("vhost", vhost);
            amqp.put("bindingVersion", BINDING_VERSION);
            if (!bindings.isEmpty()) {
                // AMQP's binding object has no place for a queue's bindings (is=queue excludes the exchange)
                ArrayNode boundTo = amqp.putArray("x-bound-to");
                bindings.forEach(binding -> boundTo.addObject().put("exchange", binding.exchange())
                    .put("routingKey", binding.routingKey()));
            }
        }

        private String describe(String queue, List<Binding> bindings) {
            StringBuilder text = new StringBuilder("Queue `" + queue + "`");
            if (!bindings.isEmpty()) {
                text.append(", bound to ").append(bindings.stream().map(Binding::exchange).distinct()
                    .map(exchange -> "`" + exchange + "` with " + quoted(bindings.stream()
                        .filter(binding -> binding.exchange().equals(exchange)).map(Binding::routingKey).toList()))
                    .collect(Collectors.joining("; ")));
            }
            List<Consumer> consumers = consumersOf(queue);
            if (queue.endsWith(Queues.PARKED_SUFFIX) && queues().containsKey(queue.substring(0, queue.length() - Queues.PARKED_SUFFIX.length()))) {
                text.append(". Where the consumer of `").append(queue, 0, queue.length() - Queues.PARKED_SUFFIX.length())
                    .append("` parks what it cannot process: the message as it came, with `x-parked-reason`,")
                    .append(" `x-exception-class`, `x-original-queue`, `x-original-exchange`, `x-original-routing-key`")
                    .append(" and `x-parked-at` headers");
            } else if (consumers.isEmpty()) {
                text.append(". Declared by this process, consumed by another");
            } else {
                text.append(". Consumed here by ").append(consumers.stream()
                    .map(consumer -> "`" + consumer.name() + "` (" + consumer.declaredBy() + ")").collect(Collectors.joining(", ")));
            }
            return text.append('.').toString();
        }

        /** One receive operation per consumer, answering where its methods return a reply. */
        private void consumerOperations() {
            for (Consumer consumer : inventory.consumers()) {
                String channel = queueChannels.get(consumer.queue());
                List<Class<?>> messages = consumer.messages().isEmpty() ? sorted(channelMessages.get(channel))
                    : consumer.messages();
                ObjectNode operation = operation("receive", channel, messages);
                operation.put("title", consumer.name());
                if (consumer.subscriber()) {
                    operation.put("summary", "Subscriber `" + consumer.name() + "` (" + consumer.declaredBy() + ")");
                    operation.put("description", "Each message is handled in a transaction with the subscriber's inbox"
                        + " row (consumer `" + consumer.name() + "`, message id): a redelivered message has no second effect."
                        + " A failure that may pass is retried later; a message that cannot be processed (unreadable,"
                        + " invalid, of a type with no handler) is parked in `" + Queues.parkingQueueOf(consumer.queue()) + "`."
                        + " Acknowledged once its transaction has committed.");
                    amqp(operation.putObject("bindings")).put("ack", true).put("bindingVersion", BINDING_VERSION);
                } else {
                    operation.put("summary", "Listener `" + consumer.name() + "` (" + consumer.declaredBy() + ")");
                }
                if (!consumer.replies().isEmpty()) {
                    operation.set("reply", reply(channel, consumer.replies(), "the asker's queue; the answer carries"
                        + " the request's `correlation_id` (its message id if it had none)"));
                }
                operations.set(AsyncApiIds.unique("receive-" + AsyncApiIds.of(consumer.name()), names(operations)), operation);
            }
        }

        /** One send operation per routing key this process declares it publishes to. */
        private void publicationOperations() {
            Map<String, List<Publication>> byChannel = new TreeMap<>();
            inventory.publications().forEach(publication -> byChannel.computeIfAbsent(
                routeChannels.get(RouteKey.of(publication.message())), channel -> new ArrayList<>()).add(publication));
            byChannel.forEach((channel, publications) -> {
                ObjectNode operation = operation("send", channel, publications.stream().map(Publication::message)
                    .distinct().toList());
                operation.put("summary", "Published by " + publications.stream().map(Publication::declaredBy).distinct()
                    .sorted().collect(Collectors.joining(", ")));
                sendBindings(operation);
                operations.set(AsyncApiIds.unique("send-" + channel, names(operations)), operation);
            });
        }

        /** One send operation per request, with its reply. */
        private void requestOperations() {
            for (Request request : inventory.requests()) {
                String channel = request.queue().isEmpty() ? routeChannels.get(RouteKey.of(request.message()))
                    : queueChannels.get(request.queue());
                ObjectNode operation = operation("send", channel, List.of(request.message()));
                operation.put("summary", "Asked by " + request.declaredBy() + ", which waits for the answer");
                operation.put("description", "Sent with `reply_to` (the asker's own reply queue, removed with its"
                    + " consumer) and a `correlation_id`, by which the asker matches the answer; no answer in time"
                    + " is a failure of the asker's, never a guess.");
                sendBindings(operation);
                operation.set("reply", reply(channel, request.replies(), "this process's own reply queue, where the"
                    + " answer comes with the request's `correlation_id`"));
                operations.set(AsyncApiIds.unique("request-" + channel, names(operations)), operation);
            }
        }

        /** The machinery publishes every message persistent and mandatory (an unroutable one is a failure). */
        private void sendBindings(ObjectNode operation) {
            amqp(operation.putObject("bindings")).put("deliveryMode", 2).put("mandatory", true)
                .put("bindingVersion", BINDING_VERSION);
        }

        /** A reply to a request of {@code channel}: a channel of its own, whose address the request names. */
        private ObjectNode reply(String channel, List<Class<?>> messages, String where) {
            String id = channel + "-reply";
            if (!channels.has(id)) {
                channel(id, null, List.of()).put("description", "Answers to the requests of `" + channel + "`: " + where + ".");
            }
            ObjectNode replyChannel = (ObjectNode) channels.get(id);
            ObjectNode channelMessages = (ObjectNode) replyChannel.get("messages");
            Set<Class<?>> all = new LinkedHashSet<>(this.channelMessages.get(id));
            all.addAll(messages);
            sorted(all).forEach(type -> channelMessages.putObject(messageId(type)).put("$ref", "#/components/messages/"
                + messageId(type)));
            this.channelMessages.put(id, all);
            ObjectNode reply = NODES.objectNode();
            reply.putObject("address").put("location", REPLY_TO).put("description", "The request's `reply_to`: " + where);
            reply.putObject("channel").put("$ref", "#/channels/" + id);
            ArrayNode refs = reply.putArray("messages");
            messages.forEach(type -> refs.addObject().put("$ref", "#/channels/" + id + "/messages/" + messageId(type)));
            return reply;
        }

        /** A channel with its messages, each a reference to the message of its type. */
        private ObjectNode channel(String id, String address, Collection<Class<?>> messages) {
            ObjectNode channel = channels.putObject(id);
            if (address == null) {
                channel.putNull("address"); // known only at run time: a reply's
            } else {
                channel.put("address", address);
            }
            ObjectNode refs = channel.putObject("messages");
            messages.forEach(type -> refs.putObject(messageId(type)).put("$ref", "#/components/messages/" + messageId(type)));
            channelMessages.put(id, new LinkedHashSet<>(messages));
            return channel;
        }

        private ObjectNode operation(String action, String channel, Collection<Class<?>> messages) {
            ObjectNode operation = NODES.objectNode();
            operation.put("action", action);
            operation.putObject("channel").put("$ref", "#/channels/" + channel);
            ArrayNode refs = operation.putArray("messages");
            messages.forEach(type -> refs.addObject().put("$ref", "#/channels/" + channel + "/messages/" + messageId(type)));
            return operation;
        }

        private List<Consumer> consumersOf(String queue) {
            return inventory.consumers().stream().filter(consumer -> consumer.queue().equals(queue)).toList();
        }

        /** The component key of a message type: its simple name, numbered where two types share one. */
        private String messageId(Class<?> type) {
            return messageIds.computeIfAbsent(type, t -> AsyncApiIds.unique(AsyncApiIds.of(t.getSimpleName()),
                messageIds.values()));
        }

        private ObjectNode message(Class<?> type, ObjectNode payload) {
            Route route = type.getAnnotation(Route.class);
            ObjectNode message = NODES.objectNode();
            message.put("name", route != null ? route.key() : type.getSimpleName());
            message.put("title", type.getSimpleName());
            message.put("contentType", "application/json");
            message.set("headers", headers(type, route));
            message.set("payload", payload);
            message.putObject("correlationId").put("location", CORRELATION_ID)
                .put("description", "The request this message answers, or the request it follows from");
            ObjectNode amqp = amqp(message.putObject("bindings"));
            if (route != null) {
                amqp.put("messageType", route.key());
            }
            amqp.put("bindingVersion", BINDING_VERSION);
            return message;
        }

        /** The AMQP properties the machinery sets and reads, as AsyncAPI headers. */
        private ObjectNode headers(Class<?> type, Route route) {
            ObjectNode headers = NODES.objectNode();
            headers.put("type", "object");
            ObjectNode properties = headers.putObject("properties");
            properties.putObject("message_id").put("type", "string").put("description", RoutedEvent.class.isAssignableFrom(type)
                ? "AMQP message-id: the event's id, as in its body; what a consumer deduplicates by"
                : "AMQP message-id: what a consumer deduplicates by");
            if (route != null) {
                properties.putObject("type").put("type", "string").put("const", route.key()).put("description",
                    "AMQP type: the routing key, by which a subscriber finds the handler (absent, the routing key it came with)");
            }
            properties.putObject("correlation_id").put("type", "string")
                .put("description", "AMQP correlation-id: the request this message answers or follows from");
            if (requestTypes.contains(type)) {
                properties.putObject("reply_to").put("type", "string")
                    .put("description", "AMQP reply-to: the queue an answer goes to, where the sender asks for one");
            }
            return headers;
        }

        private ObjectNode server(Broker broker) {
            ObjectNode server = NODES.objectNode();
            server.put("host", broker.host() + ":" + broker.port());
            server.put("protocol", "amqp");
            server.put("protocolVersion", "0.9.1");
            server.put("pathname", vhost.startsWith("/") ? vhost : "/" + vhost);
            server.put("description", "The broker this process is connected to (its virtual host as the path)");
            return server;
        }
    }

    private static ObjectNode amqp(ObjectNode bindings) {
        return bindings.putObject("amqp");
    }

    private static List<Class<?>> routedIn(Collection<Class<?>> types) {
        return types.stream().filter(type -> type.isAnnotationPresent(Route.class)).toList();
    }

    private static List<Class<?>> sorted(Collection<Class<?>> types) {
        return types.stream().distinct().sorted(Comparator.comparing(Class::getSimpleName)).toList();
    }

    private static Set<String> names(ObjectNode node) {
        return new LinkedHashSet<>(node.propertyNames());
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }
}
