package dev.troupe.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.parking.ParkedMessage;
import dev.troupe.messaging.parking.ParkedMessages;
import dev.troupe.messaging.parking.ReplayRewrite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Parking as a user of the starter has it, switched on by one property in an application of
 * another domain: a poison message is collected with its reason, listed over HTTP as a problem
 * operator would read it, replayed through the outbox with the application's rewrite (and then
 * handled once), discarded; a replay to a queue no consumer of this process reads is refused.
 * Its context is closed after the class, so that its collector drains no other test's parking queue.
 */
@SpringBootTest(classes = Shop.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "troupe.messaging.parking.collect=true",
    "troupe.messaging.schema.outbox-table=shop_outbox",
    "troupe.messaging.schema.inbox-table=shop_inbox",
    "troupe.messaging.schema.wake-up-channel=shop_wake_up",
    "troupe.messaging.schema.history-table=shop_messaging_history",
    "troupe.messaging.schema.parked-table=shop_parked",
    "spring.rabbitmq.publisher-confirm-type=correlated",
    "spring.rabbitmq.publisher-returns=true",
    "spring.rabbitmq.template.mandatory=true"
})
@ContextConfiguration(initializers = ServerSet.class)
@Import(ParkingCollectionIT.Mending.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ParkingCollectionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String BROKEN = "{broken parcel ";

    /** The application's own mend: a body of the broken form becomes the event it should have been. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Mending {
        @Bean
        ReplayRewrite mendBrokenParcels() {
            return body -> {
                String text = new String(body, StandardCharsets.UTF_8);
                if (!text.startsWith(BROKEN)) {
                    return body;
                }
                String parcel = text.substring(BROKEN.length());
                return ("{\"event_id\":\"" + UUID.randomUUID() + "\",\"parcel\":\"" + parcel + "\"}").getBytes(StandardCharsets.UTF_8);
            };
        }
    }

    @Autowired
    ConfirmedPublisher publisher;

    @Autowired
    ParkedMessages parked;

    @Autowired
    DispatchLog log;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void dropSchema() {
        ServerSet.dropSchema();
    }

    @Test
    void aPoisonMessageIsCollectedListedWithItsReasonReplayedMendedAndHandledOnce() throws Exception {
        String parcel = "mended-" + UUID.randomUUID();
        String id = send(BROKEN + parcel);
        ParkedMessage message = await().atMost(PATIENCE).until(() -> one(id), list -> list.size() == 1).get(0);
        assertThat(message.queue()).isEqualTo(Dispatch.QUEUE);
        assertThat(message.reason()).isNotBlank();
        assertThat(message.body()).isEqualTo(BROKEN + parcel);

        HttpResponse<String> listed = get("/admin/parked?message_id=" + id);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"message_id\":\"" + id + "\"", "\"body_truncated\":false", "\"reason\":");

        assertThat(send("POST", "/admin/parked/" + message.id() + "/replay").statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> log.rowsOf(parcel) == 1);
        assertThat(one(id)).isEmpty();
        assertThat(log.rowsOf(parcel)).isOne();
    }

    @Test
    void aDiscardedMessageIsGoneAndAnUnknownOneIsAProblemDocument() throws Exception {
        String id = send("{never mended");
        ParkedMessage message = await().atMost(PATIENCE).until(() -> one(id), list -> list.size() == 1).get(0);

        assertThat(send("DELETE", "/admin/parked/" + message.id()).statusCode()).isEqualTo(204);
        HttpResponse<String> again = send("DELETE", "/admin/parked/" + message.id());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(again.body()).contains("\"title\":\"Parked message not found\"");
    }

    @Test
    void aReplayToAQueueNoConsumerHereReadsIsRefused() throws Exception {
        long row = jdbc.sql("""
                INSERT INTO shop_parked (queue, message_id, attempts, body, parked_at)
                VALUES ('another_service_queue', :id, 1, :body, CURRENT_TIMESTAMP)""")
            .param("id", UUID.randomUUID().toString()).param("body", "{}".getBytes(StandardCharsets.UTF_8))
            .update();
        assertThat(row).isOne();
        long id = parked.list("another_service_queue", null, 0, 1).get(0).id();

        HttpResponse<String> refused = send("POST", "/admin/parked/" + id + "/replay");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("another_service_queue");
        assertThat(parked.find(id)).isPresent();
    }

    private List<ParkedMessage> one(String messageId) {
        return parked.list(Dispatch.QUEUE, messageId, 0, 10);
    }

    private String send(String body) {
        return ShopMessages.sendToDispatch(publisher, UUID.randomUUID().toString(), "parcel_shipped", body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
