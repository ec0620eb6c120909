package dev.troupe.messaging.asyncapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a {@code @Handler} or {@code @RabbitListener} method answers with, where its return type
 * does not say ({@code Object}, one of several records): the reply of its operation in the
 * AsyncAPI document. A method returning a record needs none: its return type is the reply.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RepliesWith {

    Class<?>[] value();
}
