package dev.troupe.coupons;

import dev.troupe.support.TroupeIT;
import dev.troupe.users.User;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A subscriber added without touching the publisher: a coupon per new user, revoked on deletion. */
abstract class CouponsContract extends TroupeIT {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.amqp.rabbit.core.RabbitTemplate rabbit;

    /** A retried user_created can come back after user_deleted: the result must not depend on the order. */
    @Test
    void aUserDeletedBeforeItsCreationArrivesGetsNoActiveCoupon() {
        long userId = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
        publish(dev.troupe.messaging.Topology.USER_DELETED, "{\"event_id\":\"" + java.util.UUID.randomUUID()
            + "\",\"user_id\":" + userId + ",\"occurred_at\":\"2026-11-26T10:00:01Z\"}");
        publish(dev.troupe.messaging.Topology.USER_CREATED, "{\"event_id\":\"" + java.util.UUID.randomUUID()
            + "\",\"user_id\":" + userId + ",\"name\":\"Late\",\"email\":\"late@example.com\","
            + "\"occurred_at\":\"2026-11-26T10:00:00Z\"}");
        // a registration behind both in the queue: once its coupon exists, both were handled
        User barrier = postJson("/users/", Map.of("name", "Barrier", "email", uniqueEmail("barrier")))
            .expectStatus().isCreated().expectBody(User.class).returnResult().getResponseBody();
        eventually().until(() -> http.get().uri("/coupons?user_id={id}", barrier.id()).exchange()
            .returnResult(String.class).getStatus().value() == 200);
        // and should either event have been retried behind the barrier, the end state is still revoked
        eventually().until(() -> http.get().uri("/coupons?user_id={id}", userId).exchange()
            .returnResult(String.class).getResponseBody(), body -> body != null && body.contains("\"revoked\""));
    }

    private void publish(String type, String body) {
        org.springframework.amqp.core.MessageProperties properties = new org.springframework.amqp.core.MessageProperties();
        properties.setMessageId(java.util.UUID.randomUUID().toString());
        properties.setType(type);
        properties.setContentType("application/json");
        rabbit.send(dev.troupe.messaging.Topology.EXCHANGE, type,
            new org.springframework.amqp.core.Message(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), properties));
    }

    @Test
    void aNewUserGetsACouponThatIsRevokedWhenTheUserIsDeleted() {
        User user = postJson("/users/", Map.of("name", "Coupon", "email", uniqueEmail("coupon")))
            .expectStatus().isCreated().expectBody(User.class).returnResult().getResponseBody();

        eventually().until(() -> http.get().uri("/coupons?user_id={id}", user.id()).exchange()
            .returnResult(String.class).getStatus().value() == 200);
        http.get().uri("/coupons?user_id={id}", user.id()).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("active").jsonPath("$.code").value(String.class,
                code -> org.assertj.core.api.Assertions.assertThat(code).matches("WELCOME-[A-Z2-9]{10}"));

        http.delete().uri("/users/{id}", user.id()).exchange().expectStatus().isNoContent();
        eventually().until(() -> http.get().uri("/coupons?user_id={id}", user.id()).exchange()
            .returnResult(String.class).getResponseBody().contains("\"revoked\""));
        http.get().uri("/coupons?user_id={id}", Long.MAX_VALUE).exchange().expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
