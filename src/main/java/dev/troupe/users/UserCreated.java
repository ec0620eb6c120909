package dev.troupe.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** Published (routing key {@code user_created}) once a registration has been committed. */
public record UserCreated(@NotNull UUID eventId, @NotNull UUID userId, @NotNull String name, @NotBlank String email,
                          Instant occurredAt) {
}
