package dev.troupe.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UuidUserIds.class);
    private static final List<String> TABLES =
        List.of("users", "coupons", "mail_ledger", "gateway_requests", "outbox", "parked_messages");

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
        boolean h2 = connection.getMetaData().getDatabaseProductName().startsWith("H2");
        if (!h2) {
            // nothing may write a numeric id between reading the ids and swapping the columns
            execute(connection, "LOCK TABLE " + String.join(", ", TABLES) + " IN ACCESS EXCLUSIVE MODE");
        }
        LegacyIds ids = LegacyIds.collect(connection, clock);
        Map<Long, RewrittenBody> outbox = RewrittenBody.of(connection, "outbox", "published_at IS NULL", ids);
        Map<Long, RewrittenBody> parked = RewrittenBody.of(connection, "parked_messages", "1 = 1", ids);
        if (h2 && !(ids.isEmpty() && outbox.isEmpty() && parked.isEmpty())) {
            backUp(connection);
        }
        ids.store(connection);
        ColumnSwap swap = new ColumnSwap(connection);
        swap.toUuid("users", "id", true);
        swap.toUuid("coupons", "user_id", true);
        swap.toUuid("mail_ledger", "user_id", false);
        swap.toUuid("gateway_requests", "user_id", false);
        RewrittenBody.write(connection, "outbox", outbox);
        RewrittenBody.write(connection, "parked_messages", parked);
    }

    /**
     * H2 commits each schema change on its own, so a failure half way (a crash, a full disk) would
     * leave the database half converted: it is copied first, beside itself, to restore from.
     */
    private static void backUp(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet path = statement.executeQuery("SELECT DATABASE_PATH()")) {
            if (path.next() && path.getString(1) != null) {
                String zip = path.getString(1) + "-before-v7.zip";
                execute(connection, "BACKUP TO '" + zip.replace("'", "''") + "'");
                LOG.info("Database copied to {} before its user ids become UUIDs", zip);
            }
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
