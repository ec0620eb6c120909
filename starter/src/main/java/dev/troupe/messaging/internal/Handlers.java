package dev.troupe.messaging.internal;

import dev.troupe.messaging.Handler;
import dev.troupe.messaging.InvalidSubscriberException;
import dev.troupe.messaging.Prepare;
import dev.troupe.messaging.Subscriber;

import dev.troupe.messaging.api.Route;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.amqp.core.Message;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A subscriber class's methods, found by their marks and checked once: one {@link Handler}
 * {@code (Event[, Message])} per event type (its routing key from the type's {@code @Route}), and for
 * any of them an optional {@link Prepare} {@code (List<Event>)}, called once per batch before its
 * handler calls. A method that cannot be called so is an {@link InvalidSubscriberException} at start-up.
 */
final class Handlers {

    /** One {@code on} method: the event type it takes, whether it also takes the message, its prepare hook if any. */
    record Handling(Method method, Class<?> eventType, boolean withMessage, Method prepare) {
    }

    private final Object bean;
    private final Map<String, Handling> byType;

    private Handlers(Object bean, Map<String, Handling> byType) {
        this.bean = bean;
        this.byType = byType;
    }

    /** The handlers of a subscriber bean, callable through it even if it is a proxy. */
    static Handlers of(Object bean) {
        Map<String, Handling> declared = declaredIn(AopUtils.getTargetClass(bean));
        Map<String, Handling> invocable = new HashMap<>();
        declared.forEach((key, handler) -> invocable.put(key, new Handling(invocableOn(bean, handler.method()),
            handler.eventType(), handler.withMessage(),
            handler.prepare() == null ? null : invocableOn(bean, handler.prepare()))));
        return new Handlers(bean, invocable);
    }

    /** The routes of the events the subscriber class has a method for. */
    static List<Route> routesOf(Class<?> type) {
        return declaredIn(type).values().stream().map(handler -> handler.eventType().getAnnotation(Route.class))
            .sorted(Comparator.comparing(Route::key)).toList();
    }

    Set<String> types() {
        return byType.keySet();
    }

    Handling forType(String type) {
        return byType.get(type);
    }

    Object on(Handling handler, Object event, Message message) {
        return handler.withMessage() ? call(handler.method(), event, message) : call(handler.method(), event);
    }

    void prepare(Handling handler, List<Object> events) {
        call(handler.prepare(), events);
    }

    private Object call(Method method, Object... arguments) {
        try {
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method invocableOn(Object bean, Method method) {
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        return invocable;
    }

    private static Map<String, Handling> declaredIn(Class<?> type) {
        Map<Class<?>, Method> prepares = preparesIn(type);
        Map<String, Handling> handlers = new HashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Handler.class)) {
                refuseUnmarked(type, method, "on", "@Handler");
                continue;
            }
            refuseUncallable(type, method);
            Class<?>[] parameters = method.getParameterTypes();
            boolean withMessage = parameters.length == 2 && parameters[1] == Message.class;
            Route route = parameters.length >= 1 ? parameters[0].getAnnotation(Route.class) : null;
            if (route == null || !(parameters.length == 1 || withMessage)) {
                throw new InvalidSubscriberException(type, "@Handler " + signature(method)
                    + " must take one event, a record with a @Route (and optionally the Message)");
            }
            if (handlers.containsKey(route.key())) {
                throw new InvalidSubscriberException(type, "two @Handler methods for " + route.key());
            }
            handlers.put(route.key(), new Handling(method, parameters[0], withMessage, prepares.remove(parameters[0])));
        }
        if (handlers.isEmpty()) {
            throw new InvalidSubscriberException(type, "a @Subscriber with no @Handler method");
        }
        if (!prepares.isEmpty()) {
            throw new InvalidSubscriberException(type, "@Prepare for " + prepares.keySet().iterator().next().getSimpleName()
                + " but no @Handler for it");
        }
        return handlers;
    }

    /** The {@code @Prepare} methods, by event type. */
    private static Map<Class<?>, Method> preparesIn(Class<?> type) {
        Map<Class<?>, Method> prepares = new HashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Prepare.class)) {
                refuseUnmarked(type, method, "prepare", "@Prepare");
                continue;
            }
            refuseUncallable(type, method);
            Type[] parameters = method.getGenericParameterTypes();
            if (parameters.length != 1 || !(parameters[0] instanceof ParameterizedType list)
                || list.getRawType() != List.class || !(list.getActualTypeArguments()[0] instanceof Class<?> event)) {
                throw new InvalidSubscriberException(type, "@Prepare " + signature(method) + " must take a List of one event type");
            }
            prepares.put(event, method);
        }
        return prepares;
    }

    /**
     * A method named as handlers were before they were marked ({@code on}, {@code prepare}) but not
     * marked: refused rather than silently never called.
     */
    private static void refuseUnmarked(Class<?> type, Method method, String formerName, String annotation) {
        if (method.getName().equals(formerName) && !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()
            && !method.isAnnotationPresent(Handler.class) && !method.isAnnotationPresent(Prepare.class)) {
            throw new InvalidSubscriberException(type, signature(method) + " is not marked " + annotation
                + ": it would never be called");
        }
    }

    private static String signature(Method method) {
        return method.getName() + "(" + java.util.Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
            .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    private static void refuseUncallable(Class<?> type, Method method) {
        if (Modifier.isStatic(method.getModifiers())) {
            throw new InvalidSubscriberException(type, signature(method) + " must not be static");
        }
        if (Modifier.isPrivate(method.getModifiers())) {
            // a proxy of the bean could not reach it: the call would land on the proxy's empty fields
            throw new InvalidSubscriberException(type, signature(method) + " must not be private");
        }
    }
}
