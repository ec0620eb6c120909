package dev.troupe.messaging.asyncapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The events or commands a bean's class publishes, each a record with its {@code @Route}: the
 * AsyncAPI document of a process with such a bean has a send operation for each. Only the
 * publishing code knows what it publishes ({@code outbox.publish(event)} names no type the
 * machinery could see), so it says so here; a bean made by a {@code @Bean} method counts by its
 * class, a configuration class too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Publishes {

    /** Records with a {@code @Route}; one without is refused when the document is made. */
    Class<?>[] value();
}
