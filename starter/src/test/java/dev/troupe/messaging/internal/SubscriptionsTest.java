package dev.troupe.messaging.internal;

import dev.troupe.messaging.Handler;
import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.Subscriber;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.troupe.messaging.internal.SubscriberListenerTest.ThingHappened;
import dev.troupe.messaging.internal.SubscriberListenerTest.ThingUndone;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.context.support.GenericApplicationContext;

/** A subscriber's queue, bindings and parking queue come from its class alone. */
class SubscriptionsTest {

    @Subscriber(name = "things", queue = "things_queue")
    static class Things {
        @Handler
        void on(ThingHappened event) {
        }

        @Handler

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
}
