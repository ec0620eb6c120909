package dev.troupe.mailer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One row per welcome mail decided (sent or skipped), keyed by the event that asked for it. */
class MailLedger {

    enum Outcome { SENT, SKIPPED }

    private final JdbcClient jdbc;
    private final Clock clock;

    MailLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the decision unless one is recorded already. Written before the SMTP send in the same
     * transaction: a concurrent duplicate waits on the key until this one commits (it then fails on
     * the key and is retried, to find the row) or rolls back (it then goes ahead).
     */
    boolean record(String eventId, UUID userId, String email, Outcome outcome, String smtpMessageId) {
        return jdbc.sql("""
                INSERT INTO mail_ledger (event_id, user_id, email, outcome, smtp_message_id, recorded_at)
                SELECT :eventId, :userId, :email, :outcome, :smtpMessageId, :now
                WHERE NOT EXISTS (SELECT 1 FROM mail_ledger WHERE event_id = :eventId)""")
            .param("eventId", eventId)
            .param("userId", userId)
            .param("email", email)
            .param("outcome", outcome.name())
            .param("smtpMessageId", smtpMessageId, java.sql.Types.VARCHAR)
            .param("now", OffsetDateTime.now(clock))
            .update() == 1;
    }

    Optional<String> outcomeOf(String eventId) {
        return jdbc.sql("SELECT outcome FROM mail_ledger WHERE event_id = :eventId")
            .param("eventId", eventId).query(String.class).optional();
    }
}
