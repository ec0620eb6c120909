package dev.troupe.messaging.parking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A message a consumer gave up on, with why, as an operator sees it: in a list with the start of
 * its body only (a poison message can be megabytes), alone with all of it. Its JSON is snake_case
 * whatever the application's own naming, so that the admin API reads the same everywhere.
 */
@Schema(description = "A message a consumer gave up on, with why")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ParkedMessage(@Schema(description = "Its id in this list, for replay and discard") long id,
                            @Schema(description = "The queue whose consumer parked it") String queue,
                            @Schema(description = "The message's id (a digest of routing key and body if it had none)") String messageId,
                            @Schema(description = "The routing key it was published with") String routingKey,
                            @Schema(description = "Why it was parked") String reason,
                            @Schema(description = "The exception that made it fail") String exceptionClass,
                            @Schema(description = "How many times it was tried") int attempts,
                            @Schema(description = "When it was parked") Instant parkedAt,
                            @Schema(description = "Its body, as text: in a list, its first 4 KiB only") String body,
                            @Schema(description = "The whole body's size, in bytes") long bodySize,
                            @Schema(description = "Whether `body` is only the start of it (GET /admin/parked/{id} gives all)")
                            boolean bodyTruncated) {

    /** How much of each body a list shows. */
    public static final int PREVIEW_BYTES = 4096;
}
