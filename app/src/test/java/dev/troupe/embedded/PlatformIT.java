package dev.troupe.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** On the embedded defaults: the database is H2, and the mail catcher has its page and API. */
class PlatformIT extends PlatformContract {

    @Test
    void runsOnTheEmbeddedBrokerAndDatabase() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.components.rabbit.details.version").isEqualTo("9.2.1")
            .jsonPath("$.components.db.details.database").isEqualTo("H2");
    }

    @Test
    void showsCapturedMailOnItsPageAndAsJson() {
        String email = uniqueEmail("page");
        postJson("/users/", Map.of("name", "Page <Reader>", "email", email)).expectStatus().isCreated();
        postJson("/external_users/", Map.of("name", "Page <Reader>", "email", email)).expectStatus().isAccepted();
        eventually().until(() -> mailsTo(email).size() == 1);

        String page = http.get().uri("/mail").exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .returnResult(String.class).getResponseBody();
        assertThat(page).contains(email).contains("Page &lt;Reader&gt;").doesNotContain("<Reader>");
        http.get().uri("/mail/messages").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$[?(@.to[0] == '" + email + "')].subject").isEqualTo("Welcome to Troupe, Page <Reader>!");
    }
}
