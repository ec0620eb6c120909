package dev.troupe.mailer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import dev.troupe.messaging.MessageObservations;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides and sends one welcome mail per event. The ledger row and the SMTP send share a
 * transaction: if SMTP fails, the row is rolled back and the event is retried; if it succeeds,
 * the row commits and a redelivered event sends nothing. The one window left is a crash between
 * the SMTP server's acceptance and the commit: the retry then resends with the same Message-ID.
 */
public class WelcomeMailing {

    /** Counter of welcome mails by outcome: sent, skipped (user gone) or duplicate (decided before). */
    public static final String MAILS = "troupe.mails";

    private static final Logger log = LoggerFactory.getLogger(WelcomeMailing.class);

    private final MailLedger ledger;
    private final BatchUserChecks directory;
    private final WelcomeMailer mailer;
    private final Counter sent;
    private final Counter skipped;
    private final Counter duplicates;
    private final ObservationRegistry observations;

    WelcomeMailing(MailLedger ledger, BatchUserChecks directory, WelcomeMailer mailer, MeterRegistry meters,
                   ObservationRegistry observations) {
        this.observations = observations;
        this.ledger = ledger;
        this.directory = directory;
        this.mailer = mailer;
        this.sent = outcomes(meters, "sent");
        this.skipped = outcomes(meters, "skipped");
        this.duplicates = outcomes(meters, "duplicate");
    }

    private static Counter outcomes(MeterRegistry meters, String outcome) {
        return Counter.builder(MAILS).tag("outcome", outcome).description("Welcome mails decided, by outcome")
            .register(meters);
    }

    /** Before a batch of {@link #welcomeRegisteredUser} calls in one transaction: their users' statuses, asked at once. */
    public void prepare(java.util.List<UUID> userIds) {
        directory.learn(userIds);
    }

    /** The reliable flow: the user was committed; send unless deleted since or already mailed. */
    @Transactional
    public void welcomeRegisteredUser(String eventId, UUID userId, String name, String email) {
        if (ledger.outcomeOf(eventId).isPresent()) {
            log.info("Welcome mail for event {} already decided", eventId);
            duplicates.increment();
            return;
        }
        if (!checked(userId)) {
            if (ledger.record(eventId, userId, email, MailLedger.Outcome.SKIPPED, null)) {
                log.info("No welcome mail for event {}: user {} no longer exists", eventId, userId);
                skipped.increment();
            } else {
                duplicates.increment();
            }
            return;
        }
        send(eventId, userId, name, email);
    }

    /** Whether the user still exists, observed: the check before the send is a step of the request's trace. */
    private boolean checked(UUID userId) {
        Observation check = Observation.createNotStarted("troupe.mail.user_check", observations).contextualName("user check")
            .highCardinalityKeyValue(MessageObservations.KEY, userId.toString());
        return check.observe(() -> {
            boolean exists = directory.exists(userId);
            check.highCardinalityKeyValue("troupe.user.exists", String.valueOf(exists));
            return exists;
        });
    }

    private void send(String eventId, UUID userId, String name, String email) {
        String smtpMessageId = "<" + eventId + "@troupe>";
        if (!ledger.record(eventId, userId, email, MailLedger.Outcome.SENT, smtpMessageId)) {
            log.info("Welcome mail for {} already sent", eventId);
            duplicates.increment();
            return;
        }
        Observation.createNotStarted("troupe.mail.send", observations).contextualName("welcome mail send")
            .highCardinalityKeyValue(MessageObservations.KEY, userId.toString())
            .observe(() -> mailer.send(WelcomeMail.to(name, email), smtpMessageId));
        sent.increment();
        log.info("Sent welcome mail {} to user {}", smtpMessageId, userId);
    }
}
