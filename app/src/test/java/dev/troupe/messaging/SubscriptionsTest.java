package dev.troupe.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.troupe.messaging.SubscriberListenerTest.ThingHappened;
import dev.troupe.messaging.SubscriberListenerTest.ThingUndone;
import dev.troupe.topology.Flow;
import dev.troupe.topology.Topology;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.context.support.GenericApplicationContext;

/** A subscriber's queue, bindings and parking queue come from its class alone. */
class SubscriptionsTest {

    @Subscriber(name = "things", queue = "things_queue", inbox = "things_inbox")
    static class Things {
        void on(ThingHappened event) {
        }

        void on(ThingUndone event) {
        }
    }

    @Test
    void theQueueIsBoundToTheRouteOfEveryEventItHandlesAndHasAParkingQueue() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(Things.class, Things::new);
            context.refresh();
            Subscriptions subscriptions = new Subscriptions(context);

            Declarables classic = subscriptions.declarables(MessagingSettings.QueueType.CLASSIC);
            assertThat(subscriptions.queues()).containsExactly("things_queue");
            assertThat(classic.getDeclarablesByType(Binding.class))
                .extracting(Binding::getExchange, Binding::getDestination, Binding::getRoutingKey)
                .containsExactlyInAnyOrder(tuple("x", "things_queue", "thing_happened"), tuple("x", "things_queue", "thing_undone"));
            assertThat(classic.getDeclarablesByType(Queue.class)).extracting(Queue::getName)
                .containsExactly("things_queue", "things_queue.parked");
            assertThat(subscriptions.declarables(MessagingSettings.QueueType.QUORUM).getDeclarablesByType(Queue.class))
                .allSatisfy(queue -> assertThat(queue.getArguments()).containsEntry("x-queue-type", "quorum"));
        }
    }

    /**
     * The coupons' and the gateway's queues are also listed in the topology every process declares;
     * this keeps that list in step with what their subscriber classes handle.
     */
    @Test
    void theTopologyBindsTheCouponsAndGatewayQueuesToExactlyTheEventsTheirSubscribersHandle() {
        Declarables topology = Topology.declarables(Flow.RELIABLE);
        for (Class<?> subscriber : java.util.List.of(dev.troupe.coupons.amqp.CouponListener.class,
                                                     dev.troupe.gateway.amqp.RequestStatusListener.class)) {
            String queue = subscriber.getAnnotation(Subscriber.class).queue();
            assertThat(topology.getDeclarablesByType(Binding.class).stream()
                    .filter(binding -> binding.getDestination().equals(queue)).map(Binding::getRoutingKey))
                .as(queue).containsExactlyInAnyOrderElementsOf(
                    SubscriberListener.routesOf(subscriber).stream().map(Route::key).toList());
            assertThat(Topology.consumerQueues(Flow.RELIABLE)).contains(queue);
        }
    }
}
