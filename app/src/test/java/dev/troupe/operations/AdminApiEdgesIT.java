package dev.troupe.operations;

import dev.troupe.messaging.parking.ParkedMessage;
import dev.troupe.messaging.parking.ParkingHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.internal.Parking;
import dev.troupe.messaging.Queues;
import dev.troupe.support.RawHttp;
import dev.troupe.support.RawHttp.Answer;
import dev.troupe.support.TroupeIT;
import dev.troupe.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The admin API with no token configured, at its edges: only this machine's own requests (a
 * rebound name or another site's page is not), never an action another site's page sent, and a
 * listing that does not carry every parked body whole.
 */
class AdminApiEdgesIT extends TroupeIT {

    private static final String QUEUE = Topology.CREATE_USER_OPERATION_QUEUE;

    @Autowired
    ConfirmedPublisher publisher;

    @Test
    void anotherHostsNameIsNotThisMachineAndSeesNoParkedBody() throws Exception {
        String email = uniqueEmail("rebound");
        String id = park("{\"name\": \"Rebound\", \"email\": \"" + email + "\"}");
        awaitParked(QUEUE, id);

        Answer rebound = RawHttp.send(port, "GET", "/admin/parked", null, "Host: evil.example");
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.contentType()).startsWith("application/problem+json");
        assertThat(rebound.body()).doesNotContain(email);

        Answer cors = RawHttp.send(port, "GET", "/admin/parked", null, "Origin: https://evil.example");
        assertThat(cors.status()).isEqualTo(403);
        assertThat(cors.body()).doesNotContain(email);

        assertThat(RawHttp.send(port, "GET", "/admin/parked?queue=" + QUEUE, null).body()).contains(email);
    }

    @Test
    void anActionAnotherSitesPageSentIsRefused() throws Exception {
        String id = park("{\"name\": \"Kept\", \"email\": \"" + uniqueEmail("kept") + "\"}");
        long parkedId = awaitParked(QUEUE, id).id();

        // text/plain needs no preflight: a page of any site can send it to localhost
        Answer replay = RawHttp.send(port, "POST", "/admin/parked/" + parkedId + "/replay", "x",
            "Content-Type: text/plain", "Origin: https://evil.example");
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(RawHttp.send(port, "DELETE", "/admin/parked/" + parkedId, null, "Origin: null").status()).isEqualTo(403);
        assertThat(RawHttp.send(port, "DELETE", "/admin/parked/" + parkedId, null, "Sec-Fetch-Site: cross-site").status())
            .isEqualTo(403);

        assertThat(parked(QUEUE)).anyMatch(message -> message.id() == parkedId);
        assertThat(RawHttp.send(port, "DELETE", "/admin/parked/" + parkedId, null, "Sec-Fetch-Site: same-origin").status())
            .isEqualTo(204);
    }

    @Test
    void theListingShowsTheStartOfABigBodyAndTheWholeIsAskedForByItself() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";
        String id = park(big);
        ParkedMessage listed = awaitParked(QUEUE, id);

        assertThat(listed.body()).hasSize(ParkedMessage.PREVIEW_BYTES).isEqualTo(big.substring(0, ParkedMessage.PREVIEW_BYTES));
        assertThat(listed.bodyTruncated()).isTrue();
        assertThat(listed.bodySize()).isEqualTo(big.length());
        Answer listing = RawHttp.send(port, "GET", "/admin/parked?queue=" + QUEUE + "&message_id=" + id, null);
        assertThat(listing.body().length()).isLessThan(16 * 1024);

        Answer whole = RawHttp.send(port, "GET", "/admin/parked/" + listed.id(), null);
        assertThat(whole.status()).isEqualTo(200);
        JsonNode message = json.readTree(whole.body());
        assertThat(message.path("body").asString()).isEqualTo(big);
        assertThat(message.path("body_truncated").asBoolean()).isFalse();
        assertThat(RawHttp.send(port, "GET", "/admin/parked/" + Long.MAX_VALUE, null).status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDeclaresTheAdminApisBearerToken() {
        JsonNode document = json.readTree(http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
            .returnResult(String.class).getResponseBody());
        JsonNode scheme = document.path("components").path("securitySchemes").path("admin_token");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        for (String[] operation : new String[][] {{"/admin/parked/", "get"}, {"/admin/parked/{id}", "get"},
                                                   {"/admin/parked/{id}", "delete"}, {"/admin/parked/{id}/replay", "post"}}) {
            assertThat(document.path("paths").path(operation[0]).path(operation[1]).path("security").toString())
                .as(operation[0] + " " + operation[1]).contains("admin_token");
        }
        assertThat(document.path("paths").path("/users/").path("post").path("security").isMissingNode()).isTrue();
    }

    /** A message parked by the registrations' consumer, as after it gave up; returns its message id. */
    private String park(String body) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(null);
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setHeader(ParkingHeaders.REASON, "parked for the test");
        properties.setHeader(ParkingHeaders.ORIGINAL_QUEUE, QUEUE);
        publisher.publish("", Queues.parkingQueueOf(QUEUE), new Message(body.getBytes(StandardCharsets.UTF_8), properties));
        return properties.getMessageId();
    }
}
