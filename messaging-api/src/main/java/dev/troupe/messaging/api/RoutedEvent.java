package dev.troupe.messaging.api;

import java.util.UUID;

/**
 * An event the outbox publishes: a record annotated with its {@link Route}, whose id becomes the
 * message id (what consumers deduplicate by) and whose ordering key keeps it in order among the
 * events of the same aggregate.
 */
public interface RoutedEvent {

    UUID eventId();

    /**
     * Events with the same key are published in the order they were committed, by any number of
     * relays; null for an event that needs no order. Not a record component, so not in the body.
     */
    default String orderingKey() {
        return null;
    }
}
