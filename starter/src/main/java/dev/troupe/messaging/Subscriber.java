package dev.troupe.messaging;

import dev.troupe.messaging.api.Route;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that consumes events from its queue, one method {@code on(Event)} (or
 * {@code on(Event, Message)}) per event type, each type a record with its {@code @Route}. The
 * machinery dispatches on the message's type, reads and validates the body, and runs the handler
 * in a transaction with the subscriber's inbox row (consumer {@link #name()}, message id): a
 * redelivered message has no second effect, and the handler never calls the inbox. A type it has
 * no method for, or a body it cannot read, is parked; other failures are retried, as for every
 * listener ({@link FailureAdvice}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Subscriber {

    /** The consumer's name: its listener id and its key in the inbox. */
    String name();

    /** The queue it consumes. */
    String queue();
}
