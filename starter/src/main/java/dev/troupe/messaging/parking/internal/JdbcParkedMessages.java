package dev.troupe.messaging.parking.internal;

import static dev.troupe.messaging.parking.ParkingHeaders.EXCEPTION;
import static dev.troupe.messaging.parking.ParkingHeaders.ORIGINAL_EXCHANGE;
import static dev.troupe.messaging.parking.ParkingHeaders.ORIGINAL_QUEUE;
import static dev.troupe.messaging.parking.ParkingHeaders.ORIGINAL_ROUTING_KEY;
import static dev.troupe.messaging.parking.ParkingHeaders.PARKED_AT;
import static dev.troupe.messaging.parking.ParkingHeaders.REASON;

import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.parking.NotReplayableException;
import dev.troupe.messaging.parking.ParkedMessage;
import dev.troupe.messaging.parking.ParkedMessages;
import dev.troupe.messaging.parking.ReplayRewrite;
import dev.troupe.outbox.Outbox;
import dev.troupe.outbox.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's {@link ParkedMessages}, on a table of its own: each parked message stored as it
 * came from its parking queue, every value cut to its column so that no foreign message can make
 * the collector fail forever.
 */
public class JdbcParkedMessages implements ParkedMessages {

    /** Headers that describe the failure, not the message: dropped on replay, so it starts afresh. */
    private static final List<String> FAILURE_HEADERS = List.of(REASON, EXCEPTION, ORIGINAL_QUEUE, ORIGINAL_EXCHANGE,
        ORIGINAL_ROUTING_KEY, PARKED_AT, "x-attempts", "x-first-failed-at",
        "x-last-error");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Outbox outbox;
    private final Clock clock;
    private final Set<String> replayable;
    private final List<ReplayRewrite> rewrites;
    private final String table;

    /** @param table the parked table's name, a checked identifier ({@code MessagingSettings.Schema}) */
    public JdbcParkedMessages(JdbcClient jdbc, JsonMapper json, Outbox outbox, Clock clock, Set<String> replayable,
                              List<ReplayRewrite> rewrites, String table) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.clock = clock;
        this.replayable = replayable;
        this.rewrites = rewrites;
        this.table = table;
    }

    /** Keeps a message taken from a parking queue. */
    public void store(Message message) {
        MessageProperties properties = message.getMessageProperties();
        Map<String, Object> headers = properties.getHeaders();
        jdbc.sql("""
                INSERT INTO %s (queue, message_id, routing_key, message_type, correlation_id, reason,
                    exception_class, attempts, headers, content_type, body, parked_at)
                VALUES (:queue, :messageId, :routingKey, :type, :correlationId, :reason, :exceptionClass, :attempts,
                    :headers, :contentType, :body, :parkedAt)""".formatted(table))
            .param("queue", String.valueOf(headers.getOrDefault(ORIGINAL_QUEUE, properties.getConsumerQueue())))
            .param("messageId", truncate(Envelopes.idOf(message), 200))
            .param("routingKey", truncate(text(headers.get(ORIGINAL_ROUTING_KEY)), 255), Types.VARCHAR)
            .param("type", truncate(properties.getType(), 255), Types.VARCHAR)
            .param("correlationId", truncate(properties.getCorrelationId(), 200), Types.VARCHAR)
            .param("reason", truncate(String.valueOf(headers.get(REASON)), 4000))
            .param("exceptionClass", truncate(text(headers.get(EXCEPTION)), 500), Types.VARCHAR)
            .param("attempts", headers.get("x-attempts") instanceof Number n ? n.intValue() : 1)
            .param("headers", headersJson(headers), Types.VARCHAR)
            .param("contentType", truncate(properties.getContentType(), 255), Types.VARCHAR)
            .param("body", message.getBody())
            .param("parkedAt", OffsetDateTime.now(clock))
            .update();
    }

    @Transactional(readOnly = true)
    @Override
    public List<ParkedMessage> list(String queue, String messageId, int page, int size) {
        return jdbc.sql("""
                SELECT id, queue, message_id, routing_key, reason, exception_class, attempts, parked_at,
                    SUBSTRING(body FROM 1 FOR :preview) AS body, OCTET_LENGTH(body) AS body_size
                FROM %s WHERE (:queue IS NULL OR queue = :queue) AND (:messageId IS NULL OR message_id = :messageId)
                ORDER BY id DESC LIMIT :size OFFSET :offset""".formatted(table))
            .param("preview", ParkedMessage.PREVIEW_BYTES)
            .param("queue", queue, Types.VARCHAR)
            .param("messageId", messageId, Types.VARCHAR)
            .param("size", size)
            .param("offset", (long) page * size)
            .query((rs, row) -> parkedMessage(rs))
            .list();
    }

    @Transactional(readOnly = true)
    @Override
    public Optional<ParkedMessage> find(long id) {
        return jdbc.sql("""
                SELECT id, queue, message_id, routing_key, reason, exception_class, attempts, parked_at, body,
                    OCTET_LENGTH(body) AS body_size
                FROM %s WHERE id = :id""".formatted(table))
            .param("id", id)
            .query((rs, row) -> parkedMessage(rs))
            .optional();
    }

    private static ParkedMessage parkedMessage(ResultSet rs) throws SQLException {
        byte[] body = rs.getBytes("body");
        long size = rs.getLong("body_size");
        return new ParkedMessage(rs.getLong("id"), rs.getString("queue"), rs.getString("message_id"),
            rs.getString("routing_key"), rs.getString("reason"), rs.getString("exception_class"),
            rs.getInt("attempts"), rs.getObject("parked_at", OffsetDateTime.class).toInstant(),
            decoded(body, body.length < size), size, body.length < size);
    }

    /** UTF-8, without the half of a character a cut may leave at the end. */
    private static String decoded(byte[] body, boolean cut) {
        String text = new String(body, StandardCharsets.UTF_8);
        return cut ? text.replaceAll("\uFFFD+$", "") : text;
    }

    @Transactional
    @Override
    public boolean replay(long id) {
        Optional<OutgoingMessage> again = jdbc.sql("""
                SELECT queue, message_id, message_type, correlation_id, headers, content_type, body
                FROM %s WHERE id = :id FOR UPDATE""".formatted(table))
            .param("id", id)
            .query((rs, row) -> new OutgoingMessage("", rs.getString("queue"), rs.getString("message_id"),
                rs.getString("message_type"), rs.getString("correlation_id"), null, withoutFailure(rs.getString("headers")),
                rs.getString("content_type"), mended(rs.getBytes("body")), null))
            .optional();
        again.ifPresent(message -> {
            if (!replayable.contains(message.routingKey())) {
                throw new NotReplayableException("Queue " + message.routingKey() + " has no consumer in this flow");
            }
            outbox.add(message);
            discard(id);
        });
        return again.isPresent();
    }

    private byte[] mended(byte[] body) {
        byte[] mended = body;
        for (ReplayRewrite rewrite : rewrites) {
            mended = rewrite.rewrite(mended);
        }
        return mended;
    }

    @Transactional
    @Override
    public boolean discard(long id) {
        return jdbc.sql("DELETE FROM %s WHERE id = :id".formatted(table)).param("id", id).update() == 1;
    }

    private Map<String, Object> withoutFailure(String headers) {
        Map<String, Object> map = headers == null ? new HashMap<>()
            : new HashMap<>(json.readValue(headers, new TypeReference<Map<String, Object>>() {
            }));
        FAILURE_HEADERS.forEach(map::remove);
        return map;
    }

    private static Map<String, Object> stringValued(Map<String, Object> headers) {
        Map<String, Object> copy = new HashMap<>();
        headers.forEach((key, value) -> copy.put(key, value instanceof Number || value instanceof Boolean ? value
            : String.valueOf(value)));
        return copy;
    }

    /** Headers too large to keep are dropped rather than making the message unstorable. */
    private String headersJson(Map<String, Object> headers) {
        String all = json.writeValueAsString(stringValued(headers));
        return all.length() <= 20_000 ? all : null;
    }

    private static String text(Object header) {
        return header == null ? null : header.toString();
    }

    /** Every value is cut to its column, so no foreign message can make the collector fail forever. */
    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
