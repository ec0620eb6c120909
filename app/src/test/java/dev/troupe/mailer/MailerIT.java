package dev.troupe.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.embedded.MailCatcher;
import dev.troupe.mailer.amqp.UserCreatedMailListener;
import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.topology.Topology;
import dev.troupe.support.TroupeIT;
import dev.troupe.users.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mailer's guarantees in the reliable flow: one mail per registration however often the
 * event arrives, every mail sent once SMTP recovers, and none for a user deleted in the meantime.
 */
class MailerIT extends TroupeIT {


    @Autowired
    ConfirmedPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RabbitListenerEndpointRegistry listeners;

    @Autowired
    MailerSettings settings;

    @Test
    void theSameEventDeliveredTwiceGivesOneMailAndOneCoupon() {
        String email = uniqueEmail("twice");
        User user = register("Twice", email);
        eventually().until(() -> mailsTo(email).size() == 1);
        String coupon = eventually().until(() -> couponOf(user.id()), code -> code != null);

        Message copy = publishedEvent(user.id());
        double duplicatesBefore = duplicatesDropped(UserCreatedMailListener.ID);
        publisher.publish(Topology.EXCHANGE, Topology.USER_CREATED, copy);
        // the mailer's inbox says when it dropped the copy; coupons has one consumer, so a later
        // registration behind the copy in its queue shows when the copy was handled there
        eventually().until(() -> duplicatesDropped(UserCreatedMailListener.ID) > duplicatesBefore);
        User next = register("Barrier", uniqueEmail("barrier"));
        eventually().until(() -> couponOf(next.id()) != null);

        assertThat(mailsTo(email)).hasSize(1);
        assertThat(couponOf(user.id())).isEqualTo(coupon);
        assertThat(mailsTo(email).get(0).messageId()).isEqualTo("<" + copy.getMessageProperties().getMessageId() + "@troupe>");
    }

    @Test
    void withSmtpRefusingForAWhileEveryMailIsSentOnceItRecovers() {
        MailCatcher smtp = mailCatcher();
        List<String> emails = List.of(uniqueEmail("outage-a"), uniqueEmail("outage-b"), uniqueEmail("outage-c"));
        double retriedBefore = retried(Topology.USER_CREATED_MAIL_QUEUE);
        smtp.stop();
        try {
            emails.forEach(email -> register("Outage", email));
            eventually().until(() -> retried(Topology.USER_CREATED_MAIL_QUEUE) >= retriedBefore + emails.size());
        } finally {
            smtp.start();
        }
        for (String email : emails) {
            eventually().until(() -> mailsTo(email).size() == 1);
        }
        eventually().until(() -> retriesPendingFor(Topology.USER_CREATED_MAIL_QUEUE) == 0);
        assertThat(emails).allSatisfy(email -> assertThat(mailsTo(email)).hasSize(1));
    }

    @Test
    void theMailerRunsAsManyConsumersAsConfigured() {
        var mailer = (SimpleMessageListenerContainer) listeners.getListenerContainer(UserCreatedMailListener.ID);
        assertThat(settings.concurrency()).isGreaterThan(1);
        eventually().until(mailer::getActiveConsumerCount, count -> count == settings.concurrency());
    }

    @Test
    void aUserDeletedBeforeTheMailerRunsGetsNoMail() {
        var mailer = listeners.getListenerContainer(UserCreatedMailListener.ID);
        String email = uniqueEmail("deleted-first");
        mailer.stop();
        User user;
        try {
            user = register("Gone Soon", email);
            http.delete().uri("/users/{id}", user.id()).exchange().expectStatus().isNoContent();
        } finally {
            mailer.start();
        }
        eventually().until(() -> ledgerOutcome(user.id()), outcome -> outcome != null);
        assertThat(ledgerOutcome(user.id())).isEqualTo("SKIPPED");
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void aBatchOfRegistrationsIsCheckedInOneQueryEachUserGettingItsOwnOutcome() {
        var mailer = listeners.getListenerContainer(UserCreatedMailListener.ID);
        List<String> emails = java.util.stream.IntStream.range(0, 12).mapToObj(i -> uniqueEmail("batch-" + i)).toList();
        double singleQueriesBefore = statusQueries("one");
        double batchQueriesBefore = statusQueries("many");
        mailer.stop();
        List<User> users;
        try {
            users = emails.stream().map(email -> register("Batch", email)).toList();
            // every third one deleted before the mailer sees its registration
            for (int i = 0; i < users.size(); i += 3) {
                http.delete().uri("/users/{id}", users.get(i).id()).exchange().expectStatus().isNoContent();
            }
            eventually().until(() -> queued(Topology.USER_CREATED_MAIL_QUEUE) >= users.size());
        } finally {
            mailer.start();
        }
        for (int i = 0; i < users.size(); i++) {
            java.util.UUID id = users.get(i).id();
            eventually().until(() -> ledgerOutcome(id), outcome -> outcome != null);
            assertThat(ledgerOutcome(id)).isEqualTo(i % 3 == 0 ? "SKIPPED" : "SENT");
            assertThat(mailsTo(emails.get(i))).hasSize(i % 3 == 0 ? 0 : 1);
        }
        assertThat(statusQueries("many")).isGreaterThan(batchQueriesBefore);
        assertThat(statusQueries("one")).isEqualTo(singleQueriesBefore);
    }

    @Test
    void withNoAnswerFromTheUsersServiceTheMailWaitsNeitherDroppedNorSent() {
        var responder = listeners.getListenerContainer("users.status");
        String email = uniqueEmail("no-answer");
        double retriedBefore = retried(Topology.USER_CREATED_MAIL_QUEUE);
        responder.stop();
        try {
            register("Unanswered", email);
            eventually().until(() -> retried(Topology.USER_CREATED_MAIL_QUEUE) > retriedBefore);
            assertThat(mailsTo(email)).isEmpty();
        } finally {
            responder.start();
        }
        eventually().until(() -> mailsTo(email).size() == 1);
    }

    private Message publishedEvent(java.util.UUID userId) {
        Map<String, Object> row = jdbc.sql("""
                SELECT message_id, body FROM outbox
                WHERE ordering_key = :key AND routing_key = 'user_created'""")
            .param("key", "user-" + userId).query().singleRow();
        MessageProperties properties = new MessageProperties();
        properties.setMessageId((String) row.get("message_id"));
        properties.setType(Topology.USER_CREATED);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        return new Message((byte[]) row.get("body"), properties);
    }

    private String couponOf(java.util.UUID userId) {
        return jdbc.sql("SELECT code FROM coupons WHERE user_id = :id").param("id", userId).query(String.class)
            .optional().orElse(null);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private double duplicatesDropped(String consumer) {
        return meters.counter("troupe.messaging.duplicates", "consumer", consumer).count();
    }

    private double statusQueries(String kind) {
        return meters.counter("troupe.users.status.queries", "kind", kind).count();
    }

    private long queued(String queue) {
        var info = admin.getQueueInfo(queue);
        return info == null ? 0 : info.getMessageCount();
    }

    @Autowired
    org.springframework.amqp.core.AmqpAdmin admin;

    private double retried(String queue) {
        return meters.counter("troupe.messaging.retried", "queue", queue).count();
    }

    private long retriesPendingFor(String queue) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE exchange = '' AND routing_key = :queue AND published_at IS NULL")
            .param("queue", queue).query(Long.class).single();
    }

    private String ledgerOutcome(java.util.UUID userId) {
        return jdbc.sql("SELECT outcome FROM mail_ledger WHERE user_id = :id").param("id", userId).query(String.class)
            .optional().orElse(null);
    }

    /** Registers through the users' HTTP API, as any client would. */
    private User register(String name, String email) {
        return postJson("/users/", java.util.Map.of("name", name, "email", email)).expectStatus().isCreated()
            .expectBody(User.class).returnResult().getResponseBody();
    }
}
