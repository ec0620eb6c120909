package dev.troupe.messaging.asyncapi.internal;

import dev.troupe.messaging.asyncapi.RepliesWith;

import java.lang.reflect.Method;
import java.util.List;

/** What a handler or listener method answers a request with. */
final class ReplyTypes {

    private ReplyTypes() {
    }

    /**
     * Its {@link RepliesWith}, else its return type where that names a record or any class of the
     * application's ({@code Object}, a raw message, nothing: no reply it can say).
     */
    static List<Class<?>> of(Method method) {
        RepliesWith declared = method.getAnnotation(RepliesWith.class);
        if (declared != null) {
            return List.of(declared.value());
        }
        Class<?> returned = method.getReturnType();
        if (returned == void.class || returned == Void.class || returned == Object.class || returned.isPrimitive()
            || returned.getName().startsWith("java.") || returned.getName().startsWith("org.springframework.")) {
            return List.of();
        }
        return List.of(returned);
    }
}
