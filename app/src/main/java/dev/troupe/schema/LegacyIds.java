package dev.troupe.schema;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The numeric user ids found in the database, each with the UUID it becomes. */
final class LegacyIds {

    /** Tables that name a user by id, with the time to mint a gone user's id from. */
    private static final String[][] REFERENCES = {
        {"coupons", "user_id", "issued_at"},
        {"mail_ledger", "user_id", "recorded_at"},
        {"gateway_requests", "user_id", "created_at"},
    };
    private static final int BATCH = 1_000;

    private final Map<Long, UUID> ids = new LinkedHashMap<>();
    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator(new SecureRandom());
    private final Clock clock;
    private long lastMillis = Long.MIN_VALUE;

    private LegacyIds(Clock clock) {
        this.clock = clock;
    }

    static LegacyIds collect(Connection connection, Clock clock) throws SQLException {
        LegacyIds ids = new LegacyIds(clock);
        ids.read(connection, "SELECT id, created_at FROM users ORDER BY id");
        for (String[] reference : REFERENCES) {
            ids.read(connection, "SELECT " + reference[1] + ", MIN(" + reference[2] + ") FROM " + reference[0]
                + " WHERE " + reference[1] + " IS NOT NULL GROUP BY " + reference[1] + " ORDER BY " + reference[1]);
        }
        return ids;
    }

    /** The new id of an old one, minted now if nothing in the tables named it (an event of a user long gone). */
    UUID of(long oldId) {
        return ids.computeIfAbsent(oldId, id -> mint(clock.millis()));
    }

    /** Keeps the mapping, and lets the column swaps look new ids up in SQL. */
    void store(Connection connection) throws SQLException {
        UuidUserIds.execute(connection,
            "CREATE TABLE user_id_upgrade (old_id BIGINT NOT NULL PRIMARY KEY, new_id UUID NOT NULL UNIQUE)");
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO user_id_upgrade (old_id, new_id) VALUES (?, ?)")) {
            int pending = 0;
            for (Map.Entry<Long, UUID> id : ids.entrySet()) {
                insert.setLong(1, id.getKey());
                insert.setObject(2, id.getValue());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    private void read(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(BATCH);
            ResultSet rows = statement.executeQuery(sql);
            while (rows.next()) {
                long oldId = rows.getLong(1);
                Timestamp at = rows.getTimestamp(2);
                if (!ids.containsKey(oldId)) {
                    ids.put(oldId, mint(at == null ? clock.millis() : at.getTime()));
                }
            }
        }
    }

    /**
     * A version 7 UUID for that time, never before the previous one: old ids keep their order even
     * where two registrations share a millisecond or a clock stepped back.
     */
    private UUID mint(long millis) {
        lastMillis = Math.max(millis, lastMillis);
        return generator.construct(lastMillis);
    }
}
