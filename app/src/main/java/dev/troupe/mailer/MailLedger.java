package dev.troupe.mailer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One row per welcome mail decided, keyed by the event that asked for it: sent, skipped (the user
 * gone) or refused for good by the mail server (with its reply; the event parked, a replay tries again).
 */
class MailLedger {

    enum Outcome { SENT, SKIPPED, REFUSED }

    private static final int REPLY_WIDTH = 1000;

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
        return insert(eventId, userId, email, outcome, smtpMessageId, null);
    }

    /** Records the server's refusal, in place of an earlier one (a replay refused again). */
    void refused(String eventId, UUID userId, String email, String smtpMessageId, String reply) {
        forgetRefusal(eventId);
        insert(eventId, userId, email, Outcome.REFUSED, smtpMessageId,
            reply.length() <= REPLY_WIDTH ? reply : reply.substring(0, REPLY_WIDTH));
    }

    /** A refused mail tried again (its event replayed) is decided anew. */
    void forgetRefusal(String eventId) {
        jdbc.sql("DELETE FROM mail_ledger WHERE event_id = :eventId AND outcome = :refused")
            .param("eventId", eventId).param("refused", Outcome.REFUSED.name()).update();
    }

    /**
     * What was decided for this event, or else whether its user was welcomed already by another
     * event (a forged or replayed one naming the same user id, with an id of its own): then SENT.
     */
    Optional<Outcome> decided(String eventId, UUID userId) {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT event_id, outcome FROM mail_ledger
                WHERE event_id = :eventId OR (user_id = :userId AND outcome = :sent)""")
            .param("eventId", eventId).param("userId", userId).param("sent", Outcome.SENT.name())
            .query().listOfRows();
        return rows.stream().filter(row -> eventId.equals(row.get("event_id"))).findFirst()
            .or(() -> rows.stream().findFirst())
            .map(row -> Outcome.valueOf((String) row.get("outcome")));
    }

    private boolean insert(String eventId, UUID userId, String email, Outcome outcome, String smtpMessageId, String reply) {
        return jdbc.sql("""
                INSERT INTO mail_ledger (event_id, user_id, email, outcome, smtp_message_id, smtp_reply, recorded_at)
                SELECT :eventId, :userId, :email, :outcome, :smtpMessageId, :reply, :now
                WHERE NOT EXISTS (SELECT 1 FROM mail_ledger WHERE event_id = :eventId)""")
            .param("eventId", eventId)
            .param("userId", userId)
            .param("email", email)
            .param("outcome", outcome.name())
            .param("smtpMessageId", smtpMessageId, java.sql.Types.VARCHAR)
            .param("reply", reply, java.sql.Types.VARCHAR)
            .param("now", OffsetDateTime.now(clock))
            .update() == 1;
    }
}
