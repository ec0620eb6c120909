package dev.troupe.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Subscriber}'s method called once per batch, before the batch's {@link Handler} calls,
 * with the batch's events of one type: {@code void anyName(List<Event> events)}, to ask once for
 * what each handler would ask alone (say, one query for every user of the batch). It runs in the
 * batch's transaction, in a savepoint: if it fails, the handlers run without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Prepare {
}
