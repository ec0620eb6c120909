package dev.troupe.messaging.asyncapi.internal;

import dev.troupe.messaging.asyncapi.Publishes;
import dev.troupe.messaging.asyncapi.Requests;
import dev.troupe.messaging.asyncapi.RepliesWith;

import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;
import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.api.RoutedEvent;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A shop's messaging, as an application of the starter has it, for its AsyncAPI document: a
 * subscriber (one handler answering), a {@code @RabbitListener} answering queries, a publisher, an
 * asker, and queues declared by hand. Only the beans' classes and declarations are read: nothing
 * connects to a broker.
 */
final class ParcelShop {

    static final String EXCHANGE = "shop_exchange";
    static final String DISPATCH_QUEUE = "shop_dispatch_queue";
    static final String AUDIT_QUEUE = "shop_audit_queue";
    static final String STATUS_QUEUE = "parcel_status_queue";

    @Route(exchange = EXCHANGE, key = "parcel_shipped")
    record ParcelShipped(UUID eventId, @NotBlank String parcel) implements RoutedEvent {
    }

    @Route(exchange = EXCHANGE, key = "parcel_returned")
    record ParcelReturned(UUID eventId, @NotBlank String parcel, String reason) implements RoutedEvent {
    }

    /** Under no binding, read by no one here: not in the document. */
    @Route(exchange = EXCHANGE, key = "parcel_lost")
    record ParcelLost(UUID eventId, String parcel) implements RoutedEvent {
    }

    record ParcelQuery(@NotBlank String parcel) {
    }

    record ParcelStatus(String parcel, boolean shipped) {
    }

    record Refund(String parcel, long cents) {
    }

    @Subscriber(name = "dispatch", queue = DISPATCH_QUEUE)
    static class Dispatch {

        @Handler
        void on(ParcelShipped event) {
        }

        /** Answers a return that asked for an answer. */
        @Handler
        Refund on(ParcelReturned event, Message message) {
            return new Refund(event.parcel(), 100);
        }
    }

    static class ParcelDesk {

        @RabbitListener(id = "parcel-desk", queues = STATUS_QUEUE)
        @RepliesWith(ParcelStatus.class)
        Object on(ParcelQuery query, Message message) {
            return new ParcelStatus(query.parcel(), true);
        }
    }

    @Publishes({ParcelShipped.class, ParcelReturned.class})
    static class Shipping {
    }

    @Requests(queue = STATUS_QUEUE, value = ParcelQuery.class, replies = ParcelStatus.class)
    static class Tracking {
    }

    /** Apart from the classes: a configuration's member classes marked as components would be beans twice. */
    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        Dispatch dispatch() {
            return new Dispatch();
        }

        @Bean
        ParcelDesk parcelDesk() {
            return new ParcelDesk();
        }

        @Bean
        Shipping shipping() {
            return new Shipping();
        }

        @Bean
        Tracking tracking() {
            return new Tracking();
        }

        /** By hand, as an application declares queues up front: the audit's, the desk's, a parking queue. */
        @Bean
        Declarables shopQueues() {
            DirectExchange exchange = new DirectExchange(EXCHANGE, true, false);
            Queue audit = new Queue(AUDIT_QUEUE);
            return new Declarables(exchange, audit, BindingBuilder.bind(audit).to(exchange).with("parcel_shipped"),
                BindingBuilder.bind(audit).to(exchange).with("parcel_returned"), new Queue(STATUS_QUEUE),
                new Queue(DISPATCH_QUEUE), BindingBuilder.bind(new Queue(DISPATCH_QUEUE)).to(exchange).with("parcel_shipped"),
                BindingBuilder.bind(new Queue(DISPATCH_QUEUE)).to(exchange).with("parcel_returned"),
                new Queue(DISPATCH_QUEUE + ".parked"));
        }

        /** A process's own reply queue: transient, the address of its replies, no channel of its own. */
        @Bean
        Queue replies() {
            return new Queue("shop.replies.x1", false, false, true);
        }
    }
}
