package dev.troupe.messaging.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where every event of the annotated type goes: its exchange and routing key, which is also the
 * message's type. Stated once, on the event, so a publisher says only {@code outbox.publish(event)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Route {

    String exchange();

    String key();
}
