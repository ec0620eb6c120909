package dev.troupe.users;

import java.time.Instant;
import java.util.UUID;

/** Published (routing key {@code user_created}) once a registration has been committed. */
public record UserCreated(UUID eventId, long userId, String name, String email, Instant occurredAt) {
}
