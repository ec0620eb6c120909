package dev.troupe.users;

import dev.troupe.topology.Topology;
import dev.troupe.messaging.Route;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a queued deletion found no such
 * user; its correlation id is the request's, so the requester learns why.
 */
@Route(exchange = Topology.EXCHANGE, key = Topology.USER_DELETION_REJECTED)
public record UserDeletionRejected(UUID eventId, UUID userId, String reason, Instant occurredAt) implements UserEvent {
}
