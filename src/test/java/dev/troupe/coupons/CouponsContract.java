package dev.troupe.coupons;

import dev.troupe.support.TroupeIT;
import dev.troupe.users.User;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A subscriber added without touching the publisher: a coupon per new user, revoked on deletion. */
abstract class CouponsContract extends TroupeIT {

    @Test
    void aNewUserGetsACouponThatIsRevokedWhenTheUserIsDeleted() {
        User user = http.post().uri("/users/").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "Coupon", "email", uniqueEmail("coupon"))).exchange()
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
