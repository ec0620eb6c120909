package dev.troupe.outbox.internal;

import dev.troupe.outbox.Outbox;
import dev.troupe.outbox.OutgoingMessage;

import dev.troupe.messaging.internal.MessageObservations;
import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.api.RoutedEvent;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's {@link Outbox}: one INSERT per message in the caller's transaction, observed, and
 * a wake-up of the local relay after the commit.
 */
public class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Runnable wakeRelay;
    private final MessageObservations observations;
    private final String insert;

    /** @param table the outbox table's name, a checked identifier ({@code MessagingSettings.Schema}) */
    public JdbcOutbox(JdbcClient jdbc, JsonMapper json, Clock clock, String table, Runnable wakeRelay) {
        this(jdbc, json, clock, table, wakeRelay, MessageObservations.NONE);
    }

    /** @param observations observe each write, its trace context kept in the row's headers for the relay */
    public JdbcOutbox(JdbcClient jdbc, JsonMapper json, Clock clock, String table, Runnable wakeRelay,
                  MessageObservations observations) {
        this.jdbc = jdbc;
        this.observations = observations;
        this.json = json;
        this.clock = clock;
        this.wakeRelay = wakeRelay;
        this.insert = """
            INSERT INTO %s (message_id, exchange, routing_key, type, correlation_id, ordering_key,
                            headers, content_type, body, created_at, available_at)
            VALUES (:messageId, :exchange, :routingKey, :type, :correlationId, :orderingKey,
                    :headers, :contentType, :body, :createdAt, :availableAt)""".formatted(table);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(RoutedEvent event) {
        publish(event, null);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(RoutedEvent event, String correlationId) {
        Route route = event.getClass().getAnnotation(Route.class);
        if (route == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " names no @" + Route.class.getSimpleName());
        }
        add(new OutgoingMessage(route.exchange(), route.key(), event.eventId().toString(), route.key(), correlationId,
            event.orderingKey(), null, "application/json", json.writeValueAsBytes(event), null));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(OutgoingMessage message) {
        Map<String, Object> headers = message.headers() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(message.headers());
        observations.outboxWrite(message.type(), message.messageId(), message.correlationId(), message.orderingKey(), headers)
            .observe(() -> insert(message, headers));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
    }

    private void insert(OutgoingMessage message, Map<String, Object> headers) {
        Instant now = clock.instant();
        Instant availableAt = message.notBefore() == null ? now : message.notBefore();
        jdbc.sql(insert)
            .param("messageId", message.messageId())
            .param("exchange", message.exchange())
            .param("routingKey", message.routingKey())
            .param("type", message.type(), Types.VARCHAR)
            .param("correlationId", message.correlationId(), Types.VARCHAR)
            .param("orderingKey", message.orderingKey(), Types.VARCHAR)
            .param("headers", headers.isEmpty() ? null : json.writeValueAsString(headers), Types.VARCHAR)
            .param("contentType", message.contentType(), Types.VARCHAR)
            .param("body", message.body())
            .param("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .param("availableAt", OffsetDateTime.ofInstant(availableAt, ZoneOffset.UTC))
            .update();
    }
}
