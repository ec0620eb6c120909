package dev.troupe.messaging;


import dev.troupe.messaging.api.Route;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * A component that consumes events from its queue, one {@link Handler} method per event type, each
 * type a record with its {@link Route}. Found by the component scan like any {@code @Component}
 * (or made by a {@code @Bean} method, where an application assembles its beans itself). The
 * machinery binds the queue to each handled event's route, dispatches on the message's type, reads
 * and validates the body, and runs the handler in a transaction with the subscriber's inbox row
 * (consumer {@link #name()}, message id): a redelivered message has no second effect, and the
 * handler never calls the inbox. A type it has no handler for, or a body it cannot read, is parked;
 * other failures are retried. A handler that cannot be called stops the start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
public @interface Subscriber {

    /** The consumer's name: its listener id and its key in the inbox. */
    String name();

    /** The queue it consumes, declared and bound by the machinery. */
    String queue();

    /**
     * How many consumers take its messages at once, as for {@code @RabbitListener}: a number, or
     * {@code "min-max"}; placeholders allowed ({@code "${loyalty.consumers:2}"}). Empty: the
     * container factory's ({@code spring.rabbitmq.listener.simple.concurrency}).
     */
    String concurrency() default "";

    /**
     * The most messages one of its consumers takes at once, in one transaction; placeholders
     * allowed. Empty: {@code troupe.messaging.batch.size}.
     */
    String batchSize() default "";
}
