package dev.troupe.operations;

import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.internal.Inbox;
import dev.troupe.messaging.internal.Parking;
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
 * Parked messages, drained from the parking queues into a table so they can be listed, replayed
 * to the queue that gave up on them (through the outbox, so a replay is never lost; its body
 * mended by the application's {@link ReplayRewrite}s, if any) or discarded.
 */
public class ParkedMessages {

    /** How much of each body a list shows. */
    public static final int PREVIEW_BYTES = 4096;

    /** Headers that describe the failure, not the message: dropped on replay, so it starts afresh. */
    private static final List<String> FAILURE_HEADERS = List.of(Parking.REASON, Parking.EXCEPTION, Parking.ORIGINAL_QUEUE,
        Parking.ORIGINAL_EXCHANGE, Parking.ORIGINAL_ROUTING_KEY, Parking.PARKED_AT, "x-attempts", "x-first-failed-at",
        "x-last-error");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Outbox outbox;
    private final Clock clock;
    private final Set<String> replayable;
    private final List<ReplayRewrite> rewrites;

    public ParkedMessages(JdbcClient jdbc, JsonMapper json, Outbox outbox, Clock clock, Set<String> replayable,
                          List<ReplayRewrite> rewrites) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.clock = clock;
        this.replayable = replayable;
        this.rewrites = rewrites;
    }

    public void store(Message message) {
        MessageProperties properties = message.getMessageProperties();
        Map<String, Object> headers = properties.getHeaders();
        jdbc.sql("""
                INSERT INTO parked_messages (queue, message_id, routing_key, message_type, correlation_id, reason,
                    exception_class, attempts, headers, content_type, body, parked_at)
                VALUES (:queue, :messageId, :routingKey, :type, :correlationId, :reason, :exceptionClass, :attempts,
                    :headers, :contentType, :body, :parkedAt)""")
            .param("queue", String.valueOf(headers.getOrDefault(Parking.ORIGINAL_QUEUE, properties.getConsumerQueue())))
            .param("messageId", truncate(Envelopes.idOf(message), 200))
            .param("routingKey", truncate(text(headers.get(Parking.ORIGINAL_ROUTING_KEY)), 255), Types.VARCHAR)
            .param("type", truncate(properties.getType(), 255), Types.VARCHAR)
            .param("correlationId", truncate(properties.getCorrelationId(), 200), Types.VARCHAR)
            .param("reason", truncate(String.valueOf(headers.get(Parking.REASON)), 4000))
            .param("exceptionClass", truncate(text(headers.get(Parking.EXCEPTION)), 500), Types.VARCHAR)
            .param("attempts", headers.get("x-attempts") instanceof Number n ? n.intValue() : 1)
            .param("headers", headersJson(headers), Types.VARCHAR)
            .param("contentType", truncate(properties.getContentType(), 255), Types.VARCHAR)
            .param("body", message.getBody())
            .param("parkedAt", OffsetDateTime.now(clock))
            .update();
    }

    /** Newest first; each with the first {@value #PREVIEW_BYTES} bytes of its body, cut in the database. */
    @Transactional(readOnly = true)
    public List<ParkedMessage> list(String queue, String messageId, int page, int size) {
        return jdbc.sql("""
                SELECT id, queue, message_id, routing_key, reason, exception_class, attempts, parked_at,
                    SUBSTRING(body FROM 1 FOR :preview) AS body, OCTET_LENGTH(body) AS body_size
                FROM parked_messages WHERE (:queue IS NULL OR queue = :queue) AND (:messageId IS NULL OR message_id = :messageId)
                ORDER BY id DESC LIMIT :size OFFSET :offset""")
            .param("preview", PREVIEW_BYTES)
            .param("queue", queue, Types.VARCHAR)
            .param("messageId", messageId, Types.VARCHAR)
            .param("size", size)
            .param("offset", (long) page * size)
            .query((rs, row) -> parkedMessage(rs))
            .list();
    }

    /** One parked message with its whole body. */
    @Transactional(readOnly = true)
    public Optional<ParkedMessage> find(long id) {
        return jdbc.sql("""
                SELECT id, queue, message_id, routing_key, reason, exception_class, attempts, parked_at, body,
                    OCTET_LENGTH(body) AS body_size
                FROM parked_messages WHERE id = :id""")
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

    /**
     * Sends the message back to its queue, as it was before it failed; false if there is no such
     * message. Only to queues Troupe consumes, so a replay cannot vanish unroutable.
     */
    @Transactional
    public boolean replay(long id) {
        Optional<OutgoingMessage> again = jdbc.sql("""
                SELECT queue, message_id, message_type, correlation_id, headers, content_type, body
                FROM parked_messages WHERE id = :id FOR UPDATE""")
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
    public boolean discard(long id) {
        return jdbc.sql("DELETE FROM parked_messages WHERE id = :id").param("id", id).update() == 1;
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
