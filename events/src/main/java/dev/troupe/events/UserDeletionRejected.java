package dev.troupe.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import dev.troupe.messaging.api.Route;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a queued deletion found no such
 * user; its correlation id is the request's, so the requester learns why.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@Route(exchange = UserRoutes.EXCHANGE, key = UserRoutes.USER_DELETION_REJECTED)
public record UserDeletionRejected(UUID eventId, UUID userId, String reason, Instant occurredAt) implements UserEvent {
}
