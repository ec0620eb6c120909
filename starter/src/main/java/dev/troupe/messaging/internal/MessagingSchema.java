package dev.troupe.messaging.internal;

import dev.troupe.messaging.MessagingSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and upgrades the machinery's tables with migrations of its own
 * ({@code classpath:db/troupe-messaging}), under a Flyway history of its own, so they never mix
 * with the application's versions and the application need not use Flyway at all. Table and
 * channel names come from {@link MessagingSettings.Schema} as Flyway placeholders. Runs after the
 * application's own Flyway, if any (see {@link MessagingAutoConfiguration}).
 */
public class MessagingSchema implements InitializingBean {

    public static final String LOCATION = "classpath:db/troupe-messaging";

    private final DataSource dataSource;
    private final MessagingSettings.Schema schema;

    public MessagingSchema(DataSource dataSource, MessagingSettings.Schema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public void afterPropertiesSet() {
        if (!schema.migrate()) {
            return;
        }
        Flyway.configure()
            .dataSource(dataSource)
            .table(schema.historyTable())
            .locations(LOCATION + "/common", LOCATION + "/" + vendor())
            // beside an application's tables (its own Flyway ran first), start from nothing: version 0
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .placeholders(Map.of(
                "outbox", schema.outboxTable(),
                "inbox", schema.inboxTable(),
                "channel", schema.wakeUpChannel(),
                "parked", schema.parkedTable()))
            .load()
            .migrate();
    }

    /** The scripts differ where the databases do (partial indexes, NOTIFY): PostgreSQL, else H2's. */
    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("The messaging starter's tables are written for PostgreSQL and H2, not "
                + product + ": create them yourself and set troupe.messaging.schema.migrate=false");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to create the messaging tables", e);
        }
    }
}
