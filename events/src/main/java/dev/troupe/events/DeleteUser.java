package dev.troupe.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import dev.troupe.messaging.api.Route;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A request to delete a user: the seed's {@code delete_user} body {@code {"user_id"}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@Route(exchange = UserRoutes.EXCHANGE, key = UserRoutes.DELETE_USER)
public record DeleteUser(@NotNull UUID userId) {
}
