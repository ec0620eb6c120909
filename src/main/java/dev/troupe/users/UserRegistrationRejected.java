package dev.troupe.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (routing key {@code user_registration_rejected}) when a queued registration could not
 * be applied; its correlation id is the request's, so the requester can learn why.
 */
public record UserRegistrationRejected(UUID eventId, String email, String reason, Instant occurredAt) {
}
