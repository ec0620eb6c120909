package dev.troupe.gateway;

import java.time.Instant;

/**
 * What became of a request made through the gateway, derived from the users service's events.
 *
 * @param status pending, then created or rejected (registrations), deleted or rejected (deletions),
 *               or failed when the command never reached the broker
 */
public record RequestStatus(String requestId, String kind, String status, Long userId, String reason,
                            Instant createdAt, Instant updatedAt) {

    public static final String REGISTRATION = "registration";
    public static final String DELETION = "deletion";
    public static final String PENDING = "pending";
    public static final String CREATED = "created";
    public static final String REJECTED = "rejected";
    public static final String DELETED = "deleted";
    public static final String FAILED = "failed";
}
