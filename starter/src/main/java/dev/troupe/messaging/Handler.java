package dev.troupe.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Subscriber}'s method for one event type: {@code void anyName(Event event)} or
 * {@code anyName(Event event, Message message)}, where the event type is a record with its
 * {@code @Route}; what it returns answers a request that asked for an answer ({@code reply_to}).
 * Marked so that the compiler, an IDE and an architecture test see what is called, and checked at
 * start-up: a handler that cannot be called stops the start, naming it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Handler {
}
