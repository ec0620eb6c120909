package dev.troupe.messaging;

import dev.troupe.messaging.api.RoutedEvent;
import dev.troupe.messaging.api.Route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

/** How a subscriber's handlers are found: by the @Route of each on(...) method's event type. */
class SubscriberListenerTest {

    @Route(exchange = "x", key = "thing_happened")
    record ThingHappened(UUID eventId) implements RoutedEvent {
    }

    @Route(exchange = "x", key = "thing_undone")
    record ThingUndone(UUID eventId) implements RoutedEvent {
    }

    static class Both {
        void on(ThingHappened event) {
        }

        void on(ThingUndone event, Message message) {
        }
    }

    static class NoRoute {
        void on(String event) {
        }
    }

    static class Twice {
        void on(ThingHappened event) {
        }

        void on(ThingHappened event, Message message) {
        }
    }

    static class Nothing {
        void handle(ThingHappened event) {
        }
    }

    static class Prepared {
        void prepare(java.util.List<ThingHappened> batch) {
        }

        void on(ThingHappened event) {
        }
    }

    static class PreparedForNothing {
        void prepare(java.util.List<ThingUndone> batch) {
        }

        void on(ThingHappened event) {
        }
    }

    static class PreparedWrongly {
        void prepare(ThingHappened event) {
        }

        void on(ThingHappened event) {
        }
    }

    @Test
    void aPrepareHookBelongsToTheOnMethodOfItsEventType() {
        assertThat(listener(new Prepared()).eventTypes()).containsExactly("thing_happened");
        assertThatThrownBy(() -> listener(new PreparedForNothing())).hasMessageContaining("prepares ThingUndone but has no on method");
        assertThatThrownBy(() -> listener(new PreparedWrongly())).hasMessageContaining("prepare must take a List of one event type");
    }

    @Test
    void eachOnMethodHandlesTheRoutingKeyOfItsEvent() {
        assertThat(listener(new Both()).eventTypes()).containsExactlyInAnyOrder("thing_happened", "thing_undone");
    }

    @Test
    void aMethodWithoutARoutedEventTwoForOneTypeOrNoneAtAllAreRefusedAtStartUp() {
        assertThatThrownBy(() -> listener(new NoRoute())).hasMessageContaining("must take one event with a @Route");
        assertThatThrownBy(() -> listener(new Twice())).hasMessageContaining("two handlers for thing_happened");
        assertThatThrownBy(() -> listener(new Nothing())).hasMessageContaining("no on(Event) method");
    }

    private static SubscriberListener listener(Object bean) {
        return new SubscriberListener(bean, "test", null, null, null, null, null, null,
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Duration.ofMinutes(1), MessageObservations.NONE);
    }
}
