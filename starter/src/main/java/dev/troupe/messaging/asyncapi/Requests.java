package dev.troupe.messaging.asyncapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request a bean's class sends and waits for an answer to, request/reply over the broker
 * ({@code RpcClient.call}, or a message with {@code reply_to}): the AsyncAPI document of its
 * process has a send operation with a reply, to the asker's {@code reply_to} with its
 * {@code correlation_id}. Repeatable, one per kind of request.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Requests.All.class)
public @interface Requests {

    /** The request's type, a record. */
    Class<?> value();

    /**
     * The queue it is sent to, through the default exchange, as {@code RpcClient.call(queue, …)}
     * sends; empty: the request type's own {@code @Route}.
     */
    String queue() default "";

    /** What it may be answered with. */
    Class<?>[] replies();

    /** The container of repeated {@link Requests}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface All {

        Requests[] value();
    }
}
