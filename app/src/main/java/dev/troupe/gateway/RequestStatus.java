package dev.troupe.gateway;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * What became of a request made through the gateway, derived from the users service's events.
 *
 * @param status pending, then created or rejected (registrations), deleted or rejected (deletions),
 *               or failed when the command never reached the broker
 */
@Schema(description = "What became of a request made through the gateway")
public record RequestStatus(@Schema(description = "The request's id") String requestId,
                            @Schema(description = "registration or deletion") String kind,
                            @Schema(description = "pending, then created, rejected or deleted; failed if the command never reached the broker") String status,
                            @Schema(description = "The user created or deleted, once known") UUID userId,
                            @Schema(description = "Why it was rejected or failed") String reason,
                            @Schema(description = "When the request was made") Instant createdAt,
                            @Schema(description = "When its status last changed") Instant updatedAt) {

    public static final String REGISTRATION = "registration";
    public static final String DELETION = "deletion";
    public static final String PENDING = "pending";
    public static final String CREATED = "created";
    public static final String REJECTED = "rejected";
    public static final String DELETED = "deleted";
    public static final String FAILED = "failed";
}
