package dev.troupe.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.topology.Topology;
import dev.troupe.support.TroupeIT;
import dev.troupe.users.User;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A subscriber added without touching the publisher: a coupon per new user, revoked on deletion. */
class CouponsIT extends TroupeIT {

    @Autowired
    ConfirmedPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    /** A retried user_created can come back after user_deleted: the result must not depend on the order. */
    @Test
    void aUserDeletedBeforeItsCreationArrivesGetsNoActiveCoupon() {
        UUID userId = UUID.randomUUID();
        String deleted = publish(Topology.USER_DELETED, "{\"event_id\":\"" + UUID.randomUUID()
            + "\",\"user_id\":\"" + userId + "\",\"occurred_at\":\"2026-11-26T10:00:01Z\"}");
        String created = publish(Topology.USER_CREATED, "{\"event_id\":\"" + UUID.randomUUID()
            + "\",\"user_id\":\"" + userId + "\",\"name\":\"Late\",\"email\":\"late@example.com\","
            + "\"occurred_at\":\"2026-11-26T10:00:00Z\"}");
        // the coupons service records each event it handled, in the transaction of its effect
        eventually().until(() -> handledByCoupons(deleted) && handledByCoupons(created));
        http.get().uri("/coupons?user_id={id}", userId).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("revoked");
    }

    private boolean handledByCoupons(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM troupe_inbox WHERE consumer = 'coupons' AND message_id = :id").param("id", messageId)
            .query(Long.class).single() == 1;
    }

    /** Publishes an event as the users service would; returns its message id. */
    private String publish(String type, String body) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setType(type);
        properties.setContentType("application/json");
        publisher.publish(Topology.EXCHANGE, type,
            new Message(body.getBytes(StandardCharsets.UTF_8), properties));
        return properties.getMessageId();
    }

    @Test
    void aNewUserGetsACouponThatIsRevokedWhenTheUserIsDeleted() {
        User user = postJson("/users/", Map.of("name", "Coupon", "email", uniqueEmail("coupon")))
            .expectStatus().isCreated().expectBody(User.class).returnResult().getResponseBody();

        eventually().until(() -> http.get().uri("/coupons?user_id={id}", user.id()).exchange()
            .returnResult(String.class).getStatus().value() == 200);
        http.get().uri("/coupons?user_id={id}", user.id()).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("active").jsonPath("$.code").value(String.class,
                code -> assertThat(code).matches("WELCOME-[A-Z2-9]{10}"));

        http.delete().uri("/users/{id}", user.id()).exchange().expectStatus().isNoContent();
        eventually().until(() -> http.get().uri("/coupons?user_id={id}", user.id()).exchange()
            .returnResult(String.class).getResponseBody().contains("\"revoked\""));
        http.get().uri("/coupons?user_id={id}", UUID.randomUUID()).exchange().expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The subscriber machinery: one method per event type, the rest parked; bodies validated (duplicates: AnalyticsIT). */
    @Test
    void anEventCouponsHasNoMethodForOrAnInvalidOneIsParked() {
        String unknown = sendToQueue(Topology.COUPONS_QUEUE, "user_renamed", UUID.randomUUID().toString(), "{\"user_id\":\"" + UUID.randomUUID() + "\"}");
        assertThat(awaitParked(Topology.COUPONS_QUEUE, unknown).reason()).isEqualTo("coupons does not handle user_renamed");

        String invalid = sendToQueue(Topology.COUPONS_QUEUE, Topology.USER_CREATED, UUID.randomUUID().toString(),
            "{\"event_id\":\"" + UUID.randomUUID() + "\",\"name\":\"No Id\",\"email\":\"noid@example.com\"}");
        assertThat(awaitParked(Topology.COUPONS_QUEUE, invalid).reason()).startsWith("invalid user_created:")
            .contains("userId");
    }
}
