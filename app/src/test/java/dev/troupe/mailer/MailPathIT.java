package dev.troupe.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.mailer.amqp.UserCreatedMailListener;
import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.parking.ParkedMessage;
import dev.troupe.support.EnvelopeSmtp;
import dev.troupe.support.TroupeIT;
import dev.troupe.topology.Topology;
import dev.troupe.users.User;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The address mailed is the address stored, read at a real SMTP server that records each envelope
 * as it came over the wire: the stored form goes into RCPT TO and To: byte for byte, an event
 * cannot redirect a mail to an address it names, and a mailbox refused for good is recorded and
 * parked with the server's reply instead of retried for hours.
 */
class MailPathIT extends TroupeIT {

    private static final EnvelopeSmtp SMTP = new EnvelopeSmtp();

    @DynamicPropertySource
    static void mailToTheRecordingServer(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
    }

    @AfterAll
    static void stopServer() {
        SMTP.close();
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfirmedPublisher publisher;

    @Autowired
    RabbitListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Test
    void anInternationalisedDomainIsStoredAsItsALabelAndMailedExactlyAsStored() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        User user = register("B\u00fccherwurm", "Ada." + tag + "@B\u00fccher.Example");

        String stored = "ada." + tag + "@xn--bcher-kva.example";
        assertThat(user.email()).isEqualTo(stored);
        EnvelopeSmtp.Envelope mail = eventually().until(() -> SMTP.to(stored), mails -> mails.size() == 1).get(0);
        assertThat(mail.recipients()).containsExactly(stored);
        assertThat(mail.header("To")).isEqualTo(stored);
        // nothing outside ASCII in the headers: the server offered no SMTPUTF8 that they could rely on
        assertThat(mail.headers().chars().allMatch(c -> c < 128)).as(mail.headers()).isTrue();
    }

    @Test
    void addressesTheMailPathWouldCarryAsAnotherAreRefusedAndTwoSpellingsOfOneAreOneUser() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (String altered : List.of("\u4e76ictim" + tag + "@example.org", "victim\u4e40example.org\u20281@x" + tag + ".org",
            "sur\ud800" + tag + "@example.org")) {
            postJson("/users/", Map.of("name", "V1", "email", altered)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        }
        register("First", "same." + tag + "@b\u00fccher.example");
        // upper case and the domain's u-umlaut written decomposed: the same address once normalised
        postJson("/users/", Map.of("name", "Second", "email", "SAME." + tag + "@BU\u0308CHER.example"))
            .expectStatus().isEqualTo(409);
    }

    @Test
    void aForgedUserCreatedNamingARealUserCannotRedirectItsWelcomeMail() {
        var mailer = listeners.getListenerContainer(UserCreatedMailListener.ID);
        String victim = uniqueEmail("victim");
        String attacker = uniqueEmail("attacker");
        User user;
        double duplicatesBefore = mailOutcomes("duplicate");
        mailer.stop();
        try {
            user = register("Victim", victim);
            // any local process may publish on the broker: this one names the victim's id with its own address,
            // and gets there before the real event
            publisher.publish(Topology.EXCHANGE, Topology.USER_CREATED, forgedUserCreated(user.id(), "Forged", attacker));
        } finally {
            mailer.start();
        }
        eventually().until(() -> mailOutcomes("duplicate") > duplicatesBefore);

        assertThat(SMTP.to(attacker)).isEmpty();
        eventually().until(() -> SMTP.to(victim).size() == 1);
        assertThat(SMTP.to(victim).get(0).header("Subject")).doesNotContain("Forged");
        // a forged event naming no user on record mails no one
        String stranger = uniqueEmail("stranger");
        double skippedBefore = mailOutcomes("skipped");
        publisher.publish(Topology.EXCHANGE, Topology.USER_CREATED, forgedUserCreated(UUID.randomUUID(), "Forged", stranger));
        eventually().until(() -> mailOutcomes("skipped") > skippedBefore);
        assertThat(SMTP.to(stranger)).isEmpty();
        assertThat(SMTP.to(victim)).hasSize(1);
    }

    @Test
    void aMailboxRefusedForGoodIsRecordedAndParkedWithTheServersReplyAndAReplaySendsIt() {
        String email = uniqueEmail("refused");
        SMTP.refuse(email, 550, "5.1.1 no such mailbox here");
        double refusedBefore = mailOutcomes("refused");
        double retriedBefore = retried();
        User user = register("Refused", email);

        ParkedMessage parked = eventually().until(() -> parkedFor(user.id()), found -> found != null);
        assertThat(parked.reason()).contains("550 5.1.1 no such mailbox here").contains(user.id().toString());
        assertThat(parked.attempts()).isEqualTo(1);
        assertThat(retried()).isEqualTo(retriedBefore);
        assertThat(mailOutcomes("refused")).isEqualTo(refusedBefore + 1);
        Map<String, Object> ledger = ledgerOf(user.id());
        assertThat(ledger.get("outcome")).isEqualTo("REFUSED");
        assertThat((String) ledger.get("smtp_reply")).contains("550 5.1.1 no such mailbox here");
        assertThat(SMTP.to(email)).isEmpty();

        // the operator has the mailbox fixed, and replays
        SMTP.accept(email);
        http.post().uri("/admin/parked/{id}/replay", parked.id()).exchange().expectStatus().isAccepted();
        eventually().until(() -> SMTP.to(email).size() == 1);
        eventually().until(() -> ledgerOf(user.id()).get("outcome"), outcome -> outcome.equals("SENT"));
        assertThat(SMTP.to(email)).hasSize(1);
    }

    @Test
    void aMailboxRefusedForNowIsRetriedAndSentOnce() {
        String email = uniqueEmail("later");
        SMTP.refuse(email, 451, "4.2.1 mailbox busy, try later");
        double retriedBefore = retried();
        User user = register("Later", email);
        try {
            eventually().until(() -> retried() > retriedBefore);
        } finally {
            SMTP.accept(email);
        }
        eventually().until(() -> SMTP.to(email).size() == 1);
        eventually().until(() -> jdbc.sql("SELECT outcome FROM mail_ledger WHERE user_id = :id").param("id", user.id())
            .query(String.class).optional(), outcome -> outcome.isPresent() && outcome.get().equals("SENT"));
        assertThat(parkedFor(user.id())).isNull();
    }

    private Message forgedUserCreated(UUID userId, String name, String email) {
        String body = """
            {"event_id":"%s","user_id":"%s","name":"%s","email":"%s","occurred_at":"%s"}"""
            .formatted(UUID.randomUUID(), userId, name, email, Instant.now());
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setType(Topology.USER_CREATED);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }

    private ParkedMessage parkedFor(UUID userId) {
        return parked(Topology.USER_CREATED_MAIL_QUEUE).stream()
            .filter(message -> message.reason() != null && message.reason().contains(userId.toString()))
            .findFirst().orElse(null);
    }

    private Map<String, Object> ledgerOf(UUID userId) {
        return jdbc.sql("SELECT outcome, smtp_reply FROM mail_ledger WHERE user_id = :id").param("id", userId)
            .query().singleRow();
    }

    private double mailOutcomes(String outcome) {
        return meters.counter(WelcomeMailing.MAILS, "outcome", outcome).count();
    }

    private double retried() {
        return meters.counter("troupe.messaging.retried", "queue", Topology.USER_CREATED_MAIL_QUEUE).count();
    }

    private User register(String name, String email) {
        return postJson("/users/", Map.of("name", name, "email", email)).expectStatus().isCreated()
            .expectBody(User.class).returnResult().getResponseBody();
    }
}
