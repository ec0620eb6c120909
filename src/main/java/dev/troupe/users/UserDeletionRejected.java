package dev.troupe.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (routing key {@code user_deletion_rejected}) when a queued deletion found no such
 * user; its correlation id is the request's, so the requester learns why.
 */
public record UserDeletionRejected(UUID eventId, UUID userId, String reason, Instant occurredAt) {
}
