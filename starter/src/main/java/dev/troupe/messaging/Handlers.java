package dev.troupe.messaging;

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
 * A subscriber class's methods, found by name and signature: one {@code on(Event[, Message])} per
 * event type (its routing key from the type's {@code @Route}), and for any of them an optional
 * {@code prepare(List<Event>)}, called once per batch before its {@code on} calls.
 */
final class Handlers {

    /** One {@code on} method: the event type it takes, whether it also takes the message, its prepare hook if any. */
    record Handler(Method method, Class<?> eventType, boolean withMessage, Method prepare) {
    }

    private final Object bean;
    private final Map<String, Handler> byType;

    private Handlers(Object bean, Map<String, Handler> byType) {
        this.bean = bean;
        this.byType = byType;
    }

    /** The handlers of a subscriber bean, callable through it even if it is a proxy. */
    static Handlers of(Object bean) {
        Map<String, Handler> declared = declaredIn(AopUtils.getTargetClass(bean));
        Map<String, Handler> invocable = new HashMap<>();
        declared.forEach((key, handler) -> invocable.put(key, new Handler(invocableOn(bean, handler.method()),
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

    Handler forType(String type) {
        return byType.get(type);
    }

    Object on(Handler handler, Object event, Message message) {
        return handler.withMessage() ? call(handler.method(), event, message) : call(handler.method(), event);
    }

    void prepare(Handler handler, List<Object> events) {
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

    private static Map<String, Handler> declaredIn(Class<?> type) {
        Map<Class<?>, Method> prepares = preparesIn(type);
        Map<String, Handler> handlers = new HashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.getName().equals("on") || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            refusePrivate(type, method);
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
            handlers.put(route.key(), new Handler(method, parameters[0], withMessage, prepares.remove(parameters[0])));
        }
        if (handlers.isEmpty()) {
            throw new IllegalStateException(type.getName() + " is a @Subscriber with no on(Event) method");
        }
        if (!prepares.isEmpty()) {
            throw new IllegalStateException(type.getName() + " prepares " + prepares.keySet().iterator().next().getSimpleName()
                + " but has no on method for it");
        }
        return handlers;
    }

    /** The {@code prepare(List<Event>)} methods, by event type. */
    private static Map<Class<?>, Method> preparesIn(Class<?> type) {
        Map<Class<?>, Method> prepares = new HashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.getName().equals("prepare") || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            refusePrivate(type, method);
            Type[] parameters = method.getGenericParameterTypes();
            if (parameters.length != 1 || !(parameters[0] instanceof ParameterizedType list)
                || list.getRawType() != List.class || !(list.getActualTypeArguments()[0] instanceof Class<?> event)) {
                throw new IllegalStateException(type.getName() + ".prepare must take a List of one event type");
            }
            prepares.put(event, method);
        }
        return prepares;
    }

    private static void refusePrivate(Class<?> type, Method method) {
        if (Modifier.isPrivate(method.getModifiers())) {
            // a proxy of the bean could not reach it: the call would land on the proxy's empty fields
            throw new IllegalStateException(type.getName() + "." + method.getName() + " must not be private");
        }
    }
}
