package dev.troupe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.TroupeIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The seed's flow ({@code troupe.flow=naive}), kept so the two can be compared: the mailer
 * consumes create_user beside the users service, so a registration that fails still gets its
 * welcome mail. The reliable flow sends none ({@code RequestStatusContract}).
 */
@TestPropertySource(properties = "troupe.flow=naive")
class NaiveFlowIT extends TroupeIT {

    @Test
    void oneCreateUserCreatesTheUserAndSendsTheMail() {
        String email = uniqueEmail("naive");
        http.post().uri("/external_users/").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "Naive", "email", email)).exchange().expectStatus().isAccepted();
        eventually().until(() -> findUserByEmail(email) != null && mailsTo(email).size() == 1);
    }

    @Test
    void aFailedRegistrationStillGetsAWelcomeMailAsInTheSeed() {
        String email = uniqueEmail("naive-taken");
        http.post().uri("/users/").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "First", "email", email)).exchange().expectStatus().isCreated();
        http.post().uri("/external_users/").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "Impostor", "email", email)).exchange().expectStatus().isAccepted();

        eventually().until(() -> mailsTo(email).stream().anyMatch(mail -> mail.subject().contains("Impostor")));
        assertThat(findUserByEmail(email).name()).isEqualTo("First");
    }
}
