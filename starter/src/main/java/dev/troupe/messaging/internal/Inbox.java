package dev.troupe.messaging.internal;

import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.MessagingSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.amqp.core.Message;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's record of the messages its consumers have processed, written in the same
 * transaction as their effect: a redelivered message finds its row and has no second effect.
 * One table for every consumer, keyed by (consumer, message_id); its name is
 * {@code troupe.messaging.schema.inbox-table}.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String table;
    private final String insert;

    public Inbox(JdbcClient jdbc, Clock clock, String table) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        // the table name is a checked identifier from the settings (MessagingSettings.Schema), never input
        this.insert = "INSERT INTO " + table + " (consumer, message_id, processed_at)"
            + " SELECT :consumer, :messageId, :now WHERE NOT EXISTS"
            + " (SELECT 1 FROM " + table + " WHERE consumer = :consumer AND message_id = :messageId)";
    }

    /**
     * Records the message for this consumer; false if it was recorded before. Two concurrent
     * deliveries of one message cannot both pass: the loser fails on the primary key, and its
     * redelivery then finds the row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, Message message) {
        return jdbc.sql(insert)
            .param("consumer", consumer)
            .param("messageId", Envelopes.idOf(message))
            .param("now", OffsetDateTime.now(clock))
            .update() == 1;
    }

    /**
     * Forgets messages processed before the retention period: a duplicate arrives within hours
     * (redeliveries, retries for at most {@code give-up-after}), not weeks later.
     */
    public int deleteOlderThan(Duration retention) {
        return jdbc.sql("DELETE FROM " + table + " WHERE processed_at < :cutoff")
            .param("cutoff", OffsetDateTime.now(clock).minus(retention))
            .update();
    }

}
