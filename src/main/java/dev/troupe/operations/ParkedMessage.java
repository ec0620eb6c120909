package dev.troupe.operations;

import java.time.Instant;

/** A message a consumer gave up on, with why, as the admin API shows it. */
public record ParkedMessage(long id, String queue, String messageId, String routingKey, String reason,
                            String exceptionClass, int attempts, Instant parkedAt, String body) {
}
