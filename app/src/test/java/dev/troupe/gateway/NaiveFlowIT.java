package dev.troupe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.TroupeIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The seed's flow ({@code troupe.flow=naive}), kept so the two can be compared: the mailer
 * consumes create_user beside the user-commands service, which applies it through the users
 * service's HTTP API, both acknowledging on receipt; so a registration that fails still gets its
 * welcome mail. The reliable flow sends none ({@code RequestStatusIT}). What the naive flow loses
 * when a process stops or crashes is shown by {@code ScenarioIT}.
 */
@TestPropertySource(properties = "troupe.flow=naive")
class NaiveFlowIT extends TroupeIT {

    @Test
    void oneCreateUserCreatesTheUserAndSendsTheMail() {
        String email = uniqueEmail("naive");
        postJson("/external_users/", Map.of("name", "Naive", "email", email)).expectStatus().isAccepted();
        eventually().until(() -> findUserByEmail(email) != null && mailsTo(email).size() == 1);
    }

    @Test
    void aFailedRegistrationStillGetsAWelcomeMailAsInTheSeed() {
        String email = uniqueEmail("naive-taken");
        postJson("/users/", Map.of("name", "First", "email", email)).expectStatus().isCreated();
        postJson("/external_users/", Map.of("name", "Impostor", "email", email)).expectStatus().isAccepted();

        eventually().until(() -> mailsTo(email).stream().anyMatch(mail -> mail.subject().contains("Impostor")));
        assertThat(findUserByEmail(email).name()).isEqualTo("First");
    }
}
