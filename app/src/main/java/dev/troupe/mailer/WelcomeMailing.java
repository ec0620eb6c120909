package dev.troupe.mailer;

import dev.troupe.messaging.TraceKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import dev.troupe.messaging.PermanentMessageFailure;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Decides and sends one welcome mail per event, to the user as the users service has it on record
 * (never to the address an event names: an event may be stale or forged).
 * <p>
 * Each mail has a transaction of its own, apart from the batch its event came in: its ledger row is
 * written, the mail sent, and the row committed as soon as the SMTP server has accepted it. If SMTP
 * fails, the row is rolled back and the event is retried; once it has committed, a redelivered event
 * (a crash before the batch committed) sends nothing. The one window left is a crash between the
 * server's acceptance of the mail in flight and that commit: the retry then resends that one mail,
 * with the same Message-ID. A mail the server refuses for good (5xx) is recorded as refused with
 * its reply, and its event parked with that reply.
 */
public class WelcomeMailing {

    /** Counter of welcome mails by outcome: sent, skipped (user gone), duplicate (decided before) or refused (5xx). */
    public static final String MAILS = "troupe.mails";

    private static final Logger log = LoggerFactory.getLogger(WelcomeMailing.class);

    private final MailLedger ledger;
    private final BatchUserChecks directory;
    private final WelcomeMailer mailer;
    private final TransactionOperations ownTransaction;
    private final Counter sent;
    private final Counter skipped;
    private final Counter duplicates;
    private final Counter refused;
    private final ObservationRegistry observations;

    /** @param ownTransaction a new transaction each time (REQUIRES_NEW), for each mail's ledger row */
    WelcomeMailing(MailLedger ledger, BatchUserChecks directory, WelcomeMailer mailer, TransactionOperations ownTransaction,
                   MeterRegistry meters, ObservationRegistry observations) {
        this.observations = observations;
        this.ledger = ledger;
        this.directory = directory;
        this.mailer = mailer;
        this.ownTransaction = ownTransaction;
        this.sent = outcomes(meters, "sent");
        this.skipped = outcomes(meters, "skipped");
        this.duplicates = outcomes(meters, "duplicate");
        this.refused = outcomes(meters, "refused");
    }

    private static Counter outcomes(MeterRegistry meters, String outcome) {
        return Counter.builder(MAILS).tag("outcome", outcome).description("Welcome mails decided, by outcome")
            .register(meters);
    }

    /** Before a batch of {@link #welcomeRegisteredUser} calls in one transaction: their users, asked at once. */
    public void prepare(List<UUID> userIds) {
        directory.learn(userIds);
    }

    /**
     * The reliable flow: the user was committed; send unless deleted since or already mailed.
     *
     * @param email the address the event names: only compared with the one on record
     */
    @Transactional
    public void welcomeRegisteredUser(String eventId, UUID userId, String email) {
        Optional<MailLedger.Outcome> decided = ledger.decided(eventId, userId);
        if (decided.isPresent() && decided.get() != MailLedger.Outcome.REFUSED) {
            log.info("Welcome mail for event {} already decided", eventId);
            duplicates.increment();
            return;
        }
        Optional<Recipient> recipient = onRecord(userId);
        if (recipient.isEmpty()) {
            skip(eventId, userId, email);
            return;
        }
        if (!recipient.get().email().equals(email)) {
            log.warn("Event {} names another address than user {}'s on record: mailing the one on record", eventId, userId);
        }
        send(eventId, userId, recipient.get(), decided.isPresent());
    }

    private void skip(String eventId, UUID userId, String email) {
        if (ledger.record(eventId, userId, email, MailLedger.Outcome.SKIPPED, null)) {
            log.info("No welcome mail for event {}: user {} no longer exists", eventId, userId);
            skipped.increment();
        } else {
            duplicates.increment();
        }
    }

    /** The user on record, observed: the check before the send is a step of the request's trace. */
    private Optional<Recipient> onRecord(UUID userId) {
        Observation check = Observation.createNotStarted("troupe.mail.user_check", observations).contextualName("user check")
            .highCardinalityKeyValue(TraceKeys.KEY, userId.toString());
        return check.observe(() -> {
            Optional<Recipient> recipient = directory.recipient(userId);
            check.highCardinalityKeyValue("troupe.user.exists", String.valueOf(recipient.isPresent()));
            return recipient;
        });
    }

    /** @param refusedBefore the server refused this mail before (its event replayed): that decision is made anew */
    private void send(String eventId, UUID userId, Recipient recipient, boolean refusedBefore) {
        String smtpMessageId = "<" + eventId + "@troupe>";
        boolean first;
        try {
            first = Boolean.TRUE.equals(ownTransaction.execute(status -> {
                if (refusedBefore) {
                    ledger.forgetRefusal(eventId);
                }
                if (!ledger.record(eventId, userId, recipient.email(), MailLedger.Outcome.SENT, smtpMessageId)) {
                    return false;
                }
                Observation.createNotStarted("troupe.mail.send", observations).contextualName("welcome mail send")
                    .highCardinalityKeyValue(TraceKeys.KEY, userId.toString())
                    .observe(() -> mailer.send(WelcomeMail.to(recipient.name(), recipient.email()), smtpMessageId));
                return true;
            }));
        } catch (MailRefusedException refusal) {
            ownTransaction.executeWithoutResult(status ->
                ledger.refused(eventId, userId, recipient.email(), smtpMessageId, refusal.reply()));
            refused.increment();
            throw new PermanentMessageFailure("welcome mail to user " + userId + " refused by the mail server: "
                + refusal.reply());
        }
        if (!first) {
            log.info("Welcome mail for {} already sent", eventId);
            duplicates.increment();
            return;
        }
        sent.increment();
        log.info("Sent welcome mail {} to user {}", smtpMessageId, userId);
    }
}
