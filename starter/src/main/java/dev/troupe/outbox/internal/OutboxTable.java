package dev.troupe.outbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The relay's SQL on the outbox table: claim due rows, find the other pending rows of their keys, mark rows published. */
class OutboxTable {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String claim;
    private final String pending;
    private final String markPublished;

    /** @param table the outbox table's name, a checked identifier ({@code MessagingSettings.Schema}) */
    OutboxTable(JdbcClient jdbc, Clock clock, String table) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.claim = """
            SELECT id, message_id, exchange, routing_key, type, correlation_id, ordering_key, headers,
                   content_type, body, created_at
            FROM %s
            WHERE published_at IS NULL AND available_at <= :now
            ORDER BY id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED""".formatted(table);
        this.pending = """
            SELECT id, ordering_key FROM %s
            WHERE published_at IS NULL AND ordering_key IN (:keys) AND id <= :maxId
            ORDER BY id""".formatted(table);
        this.markPublished = "UPDATE %s SET published_at = :now WHERE id IN (:ids)".formatted(table);
    }

    /** Up to {@code limit} due rows in id order, locked; rows other relays hold are skipped, not waited for. */
    List<OutboxRow> claim(int limit) {
        return jdbc.sql(claim)
            .param("now", OffsetDateTime.now(clock))
            .param("limit", limit)
            .query(OutboxTable::row)
            .list();
    }

    /** Every unpublished row, up to the last claimed one, that shares an ordering key with a claimed row. */
    List<OrderGuard.PendingRow> pendingWithKeysOf(List<OutboxRow> claimed) {
        List<String> keys = claimed.stream().map(OutboxRow::orderingKey).filter(key -> key != null).distinct().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(pending)
            .param("keys", keys)
            .param("maxId", claimed.get(claimed.size() - 1).id())
            .query((rs, n) -> new OrderGuard.PendingRow(rs.getLong(1), rs.getString(2)))
            .list();
    }

    /** Marks the rows published now; returns that instant. */
    OffsetDateTime markPublished(List<OutboxRow> rows) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql(markPublished)
            .param("now", now)
            .param("ids", rows.stream().map(OutboxRow::id).toList())
            .update();
        return now;
    }

    /** Maps by position: the by-name property mapper costs an exception per unmatched name, per row. */
    private static OutboxRow row(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBytes(10),
            rs.getObject(11, OffsetDateTime.class));
    }
}
