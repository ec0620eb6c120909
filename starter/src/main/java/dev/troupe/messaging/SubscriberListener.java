package dev.troupe.messaging;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.aop.support.AopUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

/** Dispatches a {@link Subscriber}'s messages to its {@code on} methods, each in a transaction with its inbox row. */
final class SubscriberListener implements MessageListener {

    /** One {@code on} method: the event type it takes, and whether it also takes the message. */
    private record Handler(Method method, Class<?> eventType, boolean withMessage) {
    }

    private final Object bean;
    private final String name;
    private final Map<String, Handler> handlers;
    private final Inbox inbox;
    private final Envelopes envelopes;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final Replies replies;
    private final Counter duplicates;
    private final Timer deliveryLag;

    SubscriberListener(Object bean, String name, Inbox inbox, Envelopes envelopes, Validator validator,
                       TransactionTemplate transactions, Replies replies, MeterRegistry meters) {
        this.bean = bean;
        this.name = name;
        this.handlers = invocableOn(bean, handlersOf(AopUtils.getTargetClass(bean)));
        this.inbox = inbox;
        this.envelopes = envelopes;
        this.validator = validator;
        this.transactions = transactions;
        this.replies = replies;
        this.duplicates = Counter.builder("troupe.messaging.duplicates").tag("consumer", name)
            .description("deliveries dropped because the consumer's inbox had them").register(meters);
        this.deliveryLag = Timer.builder("troupe.messaging.delivery.lag").tag("consumer", name)
            .description("from the message's commit (its timestamp_in_ms header) to its handler")
            .publishPercentiles(0.5, 0.95, 0.99, 0.999).register(meters);
    }

    /** The routing keys of the events it handles, for its bindings. */
    Set<String> eventTypes() {
        return handlers.keySet();
    }

    @Override
    public void onMessage(Message message) {
        if (message.getMessageProperties().getHeader(Envelopes.TIMESTAMP_MS) instanceof Number committed) {
            deliveryLag.record(java.time.Duration.ofMillis(Math.max(0, System.currentTimeMillis() - committed.longValue())));
        }
        String type = typeOf(message);
        Handler handler = handlers.get(type);
        if (handler == null) {
            throw new PermanentMessageFailure(name + " does not handle " + type);
        }
        Object event = envelopes.read(message, handler.eventType());
        if (event == null) {
            throw new PermanentMessageFailure("empty " + type);
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new PermanentMessageFailure("invalid " + type + ": " + violations.stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted().collect(Collectors.joining(", ")));
        }
        Object answer = transactions.execute(status -> {
            if (inbox.firstDelivery(name, message)) {
                return invoke(handler, event, message);
            }
            duplicates.increment();
            return null;
        });
        // a handler's return value answers a request with reply_to, once its effect has committed
        if (answer != null) {
            replies.reply(message, answer);
        }
    }

    private Object invoke(Handler handler, Object event, Message message) {
        try {
            return handler.withMessage() ? handler.method().invoke(bean, event, message) : handler.method().invoke(bean, event);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The message's type, else the routing key it was published with. A message without a type
     * sent straight to the queue (a replay, a redelivery of a seed's message) can only be of the
     * queue's one kind, where the subscriber handles one.
     */
    private String typeOf(Message message) {
        String exchange = message.getMessageProperties().getReceivedExchange();
        if (message.getMessageProperties().getType() == null && (exchange == null || exchange.isEmpty())
            && handlers.size() == 1) {
            return handlers.keySet().iterator().next();
        }
        return Envelopes.typeOf(message);
    }

    /** The routes of the events the subscriber class has a method for. */
    static java.util.List<Route> routesOf(Class<?> type) {
        return handlersOf(type).values().stream().map(handler -> handler.eventType().getAnnotation(Route.class))
            .sorted(java.util.Comparator.comparing(Route::key)).toList();
    }

    /** The methods as the bean (perhaps a proxy) is called through. */
    private static Map<String, Handler> invocableOn(Object bean, Map<String, Handler> handlers) {
        if (bean == null) {
            return handlers;
        }
        Map<String, Handler> invocable = new HashMap<>();
        handlers.forEach((key, handler) -> {
            Method method = AopUtils.selectInvocableMethod(handler.method(), bean.getClass());
            ReflectionUtils.makeAccessible(method);
            invocable.put(key, new Handler(method, handler.eventType(), handler.withMessage()));
        });
        return invocable;
    }

    private static Map<String, Handler> handlersOf(Class<?> type) {
        Map<String, Handler> handlers = new HashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.getName().equals("on") || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            if (Modifier.isPrivate(method.getModifiers())) {
                // a proxy of the bean could not reach it: the call would land on the proxy's empty fields
                throw new IllegalStateException(type.getName() + ".on must not be private");
            }
            Class<?>[] parameters = method.getParameterTypes();
            boolean withMessage = parameters.length == 2 && parameters[1] == Message.class;
            Route route = parameters.length >= 1 ? parameters[0].getAnnotation(Route.class) : null;
            if (route == null || !(parameters.length == 1 || withMessage)) {
                throw new IllegalStateException(type.getName() + "." + method.getName()
                    + " must take one event with a @Route (and optionally the Message)");
            }
            if (handlers.containsKey(route.key())) {
                throw new IllegalStateException(type.getName() + " has two handlers for " + route.key());
            }
            method.setAccessible(true);
            handlers.put(route.key(), new Handler(method, parameters[0], withMessage));
        }
        if (handlers.isEmpty()) {
            throw new IllegalStateException(type.getName() + " is a @Subscriber with no on(Event) method");
        }
        return handlers;
    }
}
