package dev.troupe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.embedded.CapturedMail;
import dev.troupe.support.HomePageLinks;
import dev.troupe.support.TroupeIT;
import dev.troupe.users.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The seed's choreography end to end: the gateway publishes one command, the user-commands
 * consumer and the mailer both act on it, and a delete removes the user.
 */
class ChoreographyIT extends TroupeIT {

    /** The first page a newcomer opens says what runs here and links what is served, every link working. */
    @Test
    void theHomePageLinksEverythingThisProcessServes() {
        List<String> links = HomePageLinks.ofHomePage(http);
        assertThat(links).contains("/", "/users/", "/admin/parked/", "/swagger-ui.html", "/v3/api-docs", "/asyncapi.json",
            "/actuator/health");
        assertThat(links.contains("/mail")).as("the captured mail, where the catcher is embedded").isEqualTo(mailIsEmbedded());
        assertThat(HomePageLinks.text(http)).contains("console, coupons, gateway, mailer, user-commands, users")
            .contains("<code>/external_users/</code>", "<code>/coupons/</code>");
    }

    @Test
    void oneRegistrationCreatesTheUserAndSendsExactlyOneWelcomeMail() {
        String email = uniqueEmail("grace");
        String requestId = postJson("/external_users/", Map.of("name", "Grace <Hopper> & co", "email", email))
            .expectStatus().isAccepted()
            .expectBody(Map.class).returnResult().getResponseBody().get("request_id").toString();
        assertThat(requestId).matches("[0-9a-f-]{36}");

        User user = eventually().until(() -> findUserByEmail(email), found -> found != null);
        assertThat(user.name()).isEqualTo("Grace <Hopper> & co");

        List<CapturedMail> mails = eventually().during(Duration.ofMillis(500))
            .until(() -> mailsTo(email), received -> received.size() == 1);
        CapturedMail mail = mails.get(0);
        assertThat(mail.from()).containsExactly("Troupe <welcome@troupe.local>");
        assertThat(mail.subject()).isEqualTo("Welcome to Troupe, Grace <Hopper> & co!");
        assertThat(mail.text()).contains("Hello Grace <Hopper> & co,");
        assertThat(mail.html()).contains("Hello Grace &lt;Hopper&gt; &amp; co,").doesNotContain("<Hopper>");
    }

    @Test
    void deletionThroughTheGatewayRemovesTheUser() {
        User user = postJson("/users/", Map.of("name", "Short Lived", "email", uniqueEmail("gone")))
            .expectStatus().isCreated().expectBody(User.class).returnResult().getResponseBody();

        http.delete().uri("/external_users/{id}", user.id()).exchange()
            .expectStatus().isAccepted().expectBody().jsonPath("$.request_id").isNotEmpty();

        eventually().until(() -> http.get().uri("/users/{id}", user.id()).exchange()
            .returnResult(String.class).getStatus().value() == 404);
    }

    @Test
    void theGatewayRefusesInvalidRegistrationsWithProblemDetails() {
        postJson("/external_users", Map.of("name", " ", "email", uniqueEmail("blank")))
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        postJson("/external_users/", "[1,").expectStatus().isBadRequest();
    }
}
