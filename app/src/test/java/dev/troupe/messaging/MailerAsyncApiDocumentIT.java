package dev.troupe.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.AsyncApiParser;
import dev.troupe.support.TroupeIT;
import dev.troupe.topology.Topology;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A process that runs the mailer alone documents what it has: its subscriber and its question to
 * the users service, the queues every process declares, and none of the other services' consumers
 * or publications. Its consumers do not start: the document is read from its beans, and on the real
 * broker they would take the other tests' messages.
 */
@TestPropertySource(properties = {"troupe.services=mailer", "spring.rabbitmq.listener.simple.auto-startup=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MailerAsyncApiDocumentIT extends TroupeIT {

    @Test
    void theMailersDocumentListsWhatTheMailerHasAndIsValid() throws Exception {
        String text = http.get().uri("/asyncapi.json").exchange().expectStatus().isOk().returnResult(String.class)
            .getResponseBody();
        JsonNode document = json.readTree(text);

        assertThat(document.get("info").get("description").asString()).contains("running mailer");
        JsonNode operations = document.get("operations");
        assertThat(operations.propertyNames()).containsExactlyInAnyOrder("receive-mailer.user-created",
            "request-" + Topology.USER_STATUS_QUEUE);
        assertThat(AsyncApiDocumentIT.refs(operations.get("request-" + Topology.USER_STATUS_QUEUE).get("reply").get("messages")))
            .containsExactly("#/channels/user_status_queue-reply/messages/UserStatus",
                "#/channels/user_status_queue-reply/messages/UserStatuses");
        // the topology every process declares, consumed elsewhere
        assertThat(document.get("channels").get(Topology.COUPONS_QUEUE).get("description").asString())
            .contains("consumed by another");
        assertThat(AsyncApiParser.validate(AsyncApiDocumentIT.written(text, "troupe-mailer.json")))
            .contains("valid AsyncAPI 3.0.0");
    }
}
