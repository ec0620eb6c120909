package dev.troupe.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 7: user ids become UUIDs, as the seed's user_api gives them. Every existing user gets a
 * version 7 UUID carrying its registration time, minted in the order of the old ids, so the users
 * keep their order; every reference follows: coupons, the mail ledger, the gateway's requests, and
 * the bodies and ordering keys of unpublished outbox rows and of parked messages, so an event
 * published after the upgrade carries the new id. Ids that are referenced but whose user is gone
 * get a UUID too, the same one everywhere. The old-to-new mapping is kept in
 * {@code user_id_upgrade} for whoever still holds an old id. Inbox rows name messages, not users,
 * and stay as they are. Written in Java because neither H2 nor PostgreSQL 15 can mint a version 7
 * UUID or rewrite a JSON body in SQL portably.
 */
final class UuidUserIds implements JavaMigration {

    private final Clock clock;

    UuidUserIds() {
        this(Clock.systemUTC());
    }

    UuidUserIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "user ids become UUIDs";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        LegacyIds ids = LegacyIds.collect(connection, clock);
        Map<Long, RewrittenBody> outbox = RewrittenBody.of(connection, "outbox", "published_at IS NULL", ids);
        Map<Long, RewrittenBody> parked = RewrittenBody.of(connection, "parked_messages", "1 = 1", ids);
        ids.store(connection);
        ColumnSwap swap = new ColumnSwap(connection);
        swap.toUuid("users", "id", true);
        swap.toUuid("coupons", "user_id", true);
        swap.toUuid("mail_ledger", "user_id", false);
        swap.toUuid("gateway_requests", "user_id", false);
        RewrittenBody.write(connection, "outbox", outbox);
        RewrittenBody.write(connection, "parked_messages", parked);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
