package dev.troupe.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.api.RoutedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a queued registration could not
 * be applied; its correlation id is the request's, so the requester can learn why.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@Route(exchange = UserRoutes.EXCHANGE, key = UserRoutes.USER_REGISTRATION_REJECTED)
public record UserRegistrationRejected(UUID eventId, String email, String reason, Instant occurredAt) implements RoutedEvent {
}
