package dev.troupe.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * A message to publish once the current transaction commits.
 *
 * @param orderingKey messages with the same key are published in the order they were added
 *                    (for events: the aggregate id); null when order does not matter
 * @param notBefore   not published before this instant (delayed retries); null for at once
 */
public record OutgoingMessage(
    String exchange,
    String routingKey,
    String messageId,
    String type,
    String correlationId,
    String orderingKey,
    Map<String, Object> headers,
    String contentType,
    byte[] body,
    Instant notBefore) {
}
