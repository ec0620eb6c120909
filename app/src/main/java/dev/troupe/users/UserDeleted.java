package dev.troupe.users;

import dev.troupe.topology.Topology;
import dev.troupe.messaging.Route;
import java.time.Instant;
import java.util.UUID;

/** Published once a deletion has been committed. */
@Route(exchange = Topology.EXCHANGE, key = Topology.USER_DELETED)
public record UserDeleted(UUID eventId, UUID userId, Instant occurredAt) implements UserEvent {
}
