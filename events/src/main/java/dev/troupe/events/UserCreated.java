package dev.troupe.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import dev.troupe.messaging.api.Route;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** Published once a registration has been committed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@Route(exchange = UserRoutes.EXCHANGE, key = UserRoutes.USER_CREATED)
public record UserCreated(@NotNull UUID eventId, @NotNull UUID userId, @NotNull String name, @NotBlank String email,
                          Instant occurredAt) implements UserEvent {
}
