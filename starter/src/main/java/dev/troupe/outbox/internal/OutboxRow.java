package dev.troupe.outbox.internal;

import java.time.OffsetDateTime;

/** A row of the outbox table, as the relay reads it. */
record OutboxRow(
    long id,
    String messageId,
    String exchange,
    String routingKey,
    String type,
    String correlationId,
    String orderingKey,
    String headers,
    String contentType,
    byte[] body,
    OffsetDateTime createdAt) {
}
