package dev.troupe.users;

import java.time.Instant;
import java.util.UUID;

/** Published (routing key {@code user_deleted}) once a deletion has been committed. */
public record UserDeleted(UUID eventId, UUID userId, Instant occurredAt) {
}
