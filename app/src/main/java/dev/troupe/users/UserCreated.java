package dev.troupe.users;

import dev.troupe.topology.Topology;
import dev.troupe.messaging.Route;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** Published once a registration has been committed. */
@Route(exchange = Topology.EXCHANGE, key = Topology.USER_CREATED)
public record UserCreated(@NotNull UUID eventId, @NotNull UUID userId, @NotNull String name, @NotBlank String email,
                          Instant occurredAt) implements UserEvent {
}
