package dev.troupe.messaging.asyncapi.internal;

import dev.troupe.messaging.asyncapi.internal.MessagingInventory.Consumer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.util.ReflectionUtils;

/**
 * A class's {@code @RabbitListener}s: on a method, or on the class with its {@code @RabbitHandler}
 * methods. Each names its queues ({@code queues}, placeholders resolved) and reads the type of its
 * payload parameter; a raw {@code Message}, bytes or text say nothing of what arrives. Queues made
 * by the annotation itself ({@code queuesToDeclare}, {@code bindings}) are not read: declare them as
 * beans to have them in the document.
 */
final class Listeners {

    /** What a listener method may take beside its payload. */
    private static final List<String> NOT_PAYLOADS = List.of("org.springframework.amqp.core.Message",
        "org.springframework.amqp.core.MessageProperties", "org.springframework.messaging.Message",
        "org.springframework.messaging.MessageHeaders", "com.rabbitmq.client.Channel");

    private Listeners() {
    }

    static List<Consumer> of(Class<?> type, String beanName, Environment environment) {
        if (!AnnotationUtils.isCandidateClass(type, RabbitListener.class)) {
            return List.of();
        }
        List<Consumer> consumers = new ArrayList<>();
        RabbitListener onClass = AnnotatedElementUtils.findMergedAnnotation(type, RabbitListener.class);
        List<Method> handlers = new ArrayList<>();
        ReflectionUtils.doWithMethods(type, method -> {
            RabbitListener listener = AnnotatedElementUtils.findMergedAnnotation(method, RabbitListener.class);
            if (listener != null) {
                consumers.addAll(consumers(listener, List.of(method), type, beanName + "." + method.getName(), environment));
            } else if (onClass != null && method.isAnnotationPresent(RabbitHandler.class)) {
                handlers.add(method);
            }
        }, ReflectionUtils.USER_DECLARED_METHODS);
        if (onClass != null && !handlers.isEmpty()) {
            consumers.addAll(consumers(onClass, handlers, type, beanName, environment));
        }
        return consumers;
    }

    /** One consumer per queue the listener names, all reading what its methods read. */
    private static List<Consumer> consumers(RabbitListener listener, List<Method> methods, Class<?> type, String fallbackName,
                                            Environment environment) {
        String name = listener.id().isEmpty() ? fallbackName : environment.resolvePlaceholders(listener.id());
        List<Class<?>> messages = methods.stream().map(Listeners::payloadOf).filter(payload -> payload != null).distinct()
            .toList();
        List<Class<?>> replies = methods.stream().flatMap(method -> ReplyTypes.of(method).stream()).distinct().toList();
        return Arrays.stream(listener.queues()).map(environment::resolvePlaceholders)
            .filter(queue -> !queue.startsWith("#{")) // a SpEL expression: known only to the listener's own processor
            .map(queue -> new Consumer(name, false, type.getSimpleName() + "." + methods.get(0).getName(), queue,
                messages, replies))
            .toList();
    }

    /** The parameter marked {@code @Payload}, else the one that is neither a header nor the message; null if raw. */
    private static Class<?> payloadOf(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?> payload = null;
        for (int i = 0; i < types.length; i++) {
            if (has(annotations[i], Payload.class)) {
                payload = types[i];
                break;
            }
            if (payload == null && !has(annotations[i], Header.class) && !has(annotations[i], Headers.class)
                && !NOT_PAYLOADS.contains(types[i].getName())) {
                payload = types[i];
            }
        }
        if (payload == null || payload == byte[].class || payload == String.class || payload == Object.class
            || payload.getName().startsWith("java.") || payload.getName().startsWith("tools.jackson.")) {
            return null;
        }
        return payload;
    }

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
        return Arrays.stream(annotations).anyMatch(annotation -> annotation.annotationType() == type);
    }
}
