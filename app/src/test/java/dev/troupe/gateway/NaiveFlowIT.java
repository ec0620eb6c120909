package dev.troupe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.AsyncApiParser;
import dev.troupe.support.TroupeIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

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

    /** The seed's listeners take the raw message: the document gives each the types its queue's bindings bring. */
    @Test
    void theAsyncApiDocumentHasTheSeedsListenersAndIsValid() throws Exception {
        String text = http.get().uri("/asyncapi.json").exchange().expectStatus().isOk().returnResult(String.class)
            .getResponseBody();
        JsonNode operations = json.readTree(text).get("operations");

        assertThat(operations.propertyNames()).contains("receive-user-commands.naive", "receive-mailer.create-user")
            .doesNotContain("receive-user-commands", "receive-mailer.user-created");
        assertThat(operations.get("receive-mailer.create-user").get("messages").get(0).get("$ref").asString())
            .isEqualTo("#/channels/create_user_mail_queue/messages/CreateUser");
        Path file = Path.of("target", "asyncapi", "troupe-naive.json");
        Files.createDirectories(file.getParent());
        assertThat(AsyncApiParser.validate(Files.writeString(file, text))).contains("valid AsyncAPI 3.0.0");
    }
}
