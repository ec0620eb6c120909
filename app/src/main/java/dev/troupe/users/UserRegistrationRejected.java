package dev.troupe.users;

import dev.troupe.topology.Topology;
import dev.troupe.messaging.Route;
import dev.troupe.messaging.RoutedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a queued registration could not
 * be applied; its correlation id is the request's, so the requester can learn why.
 */
@Route(exchange = Topology.EXCHANGE, key = Topology.USER_REGISTRATION_REJECTED)
public record UserRegistrationRejected(UUID eventId, String email, String reason, Instant occurredAt) implements RoutedEvent {
}
