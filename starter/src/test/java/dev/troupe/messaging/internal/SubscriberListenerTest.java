package dev.troupe.messaging.internal;

import dev.troupe.messaging.Handler;
import dev.troupe.messaging.InvalidSubscriberException;
import dev.troupe.messaging.Prepare;
import dev.troupe.messaging.Subscriber;


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
        @Handler
        void on(ThingHappened event) {
        }

        @Handler
        void undone(ThingUndone event, Message message) {
        }
    }

    static class NoRoute {
        @Handler
        void on(String event) {
        }
    }

    static class Twice {
        @Handler
        void on(ThingHappened event) {
        }

        @Handler
        void again(ThingHappened event, Message message) {
        }
    }

    static class Nothing {
        void handle(ThingHappened event) {
        }
    }

    /** Named as a handler was before handlers were marked: refused, not silently never called. */
    static class Unmarked {
        @Handler
        void happened(ThingHappened event) {
        }

        void on(ThingUndone event) {
        }
    }

    static class Hidden {
        @Handler
        private void on(ThingHappened event) {
        }
    }

    static class Prepared {
        @Prepare
        void ahead(java.util.List<ThingHappened> batch) {
        }

        @Handler
        void on(ThingHappened event) {
        }
    }

    static class PreparedForNothing {
        @Prepare
        void prepare(java.util.List<ThingUndone> batch) {
        }

        @Handler
        void on(ThingHappened event) {
        }
    }

    static class PreparedWrongly {
        @Prepare
        void prepare(ThingHappened event) {
        }

        @Handler
        void on(ThingHappened event) {
        }
    }

    @Test
    void aPrepareHookBelongsToTheHandlerOfItsEventType() {
        assertThat(listener(new Prepared()).eventTypes()).containsExactly("thing_happened");
        assertThatThrownBy(() -> listener(new PreparedForNothing())).isInstanceOf(InvalidSubscriberException.class)
            .hasMessageContaining("@Prepare for ThingUndone but no @Handler for it");
        assertThatThrownBy(() -> listener(new PreparedWrongly())).isInstanceOf(InvalidSubscriberException.class)
            .hasMessageContaining("@Prepare prepare(ThingHappened) must take a List of one event type");
    }

    @Test
    void eachHandlerHandlesTheRoutingKeyOfItsEventWhateverItsName() {
        assertThat(listener(new Both()).eventTypes()).containsExactlyInAnyOrder("thing_happened", "thing_undone");
    }

    @Test
    void aHandlerThatCannotBeCalledIsRefusedAtStartUpNamingIt() {
        assertThatThrownBy(() -> listener(new NoRoute())).isInstanceOf(InvalidSubscriberException.class)
            .hasMessageContaining("NoRoute: @Handler on(String) must take one event, a record with a @Route");
        assertThatThrownBy(() -> listener(new Twice())).hasMessageContaining("two @Handler methods for thing_happened");
        assertThatThrownBy(() -> listener(new Nothing())).hasMessageContaining("a @Subscriber with no @Handler method");
        assertThatThrownBy(() -> listener(new Unmarked())).hasMessageContaining("on(ThingUndone) is not marked @Handler");
        assertThatThrownBy(() -> listener(new Hidden())).hasMessageContaining("on(ThingHappened) must not be private");
    }

    private static SubscriberListener listener(Object bean) {
        return new SubscriberListener(bean, "test", new SubscriberMachinery(null, null, null, null, null, null,
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Duration.ofMinutes(1), MessageObservations.NONE));
    }
}
