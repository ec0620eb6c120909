package dev.troupe.events;

import dev.troupe.messaging.api.RoutedEvent;
import java.util.UUID;

/** An event about one user: a user's events are published in the order they happened. */
public interface UserEvent extends RoutedEvent {

    UUID userId();

    @Override
    default String orderingKey() {
        return "user-" + userId();
    }
}
