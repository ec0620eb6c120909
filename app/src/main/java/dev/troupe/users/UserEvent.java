package dev.troupe.users;

import dev.troupe.messaging.RoutedEvent;
import java.util.UUID;

/** An event about one user: a user's events are published in the order they happened. */
interface UserEvent extends RoutedEvent {

    UUID userId();

    @Override
    default String orderingKey() {
        return "user-" + userId();
    }
}
