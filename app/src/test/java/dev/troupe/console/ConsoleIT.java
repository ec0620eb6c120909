package dev.troupe.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.console.amqp.MessageTap;
import dev.troupe.support.TroupeIT;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The console on the real components: its map read from the broker, its live feed tapping the
 * exchange while a page is open (and only then), its outbox figures from the relay's meters.
 */
class ConsoleIT extends TroupeIT {

    @Autowired
    MessageTap tap;

    @Autowired
    org.springframework.amqp.core.AmqpAdmin admin;

    @Test
    void theRootIsTheConsoleAndTheHomePageMovedToAbout() {
        assertThat(http.get().uri("/").exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .returnResult(String.class).getResponseBody()).contains("<h1>Troupe console</h1>", "/console/console.js");
        assertThat(http.get().uri("/about").exchange().expectStatus().isOk().returnResult(String.class).getResponseBody())
            .contains("This process runs");
        http.get().uri("/console/console.js").exchange().expectStatus().isOk();
    }

    @Test
    void theMapShowsEveryQueueWithItsBindingsItsServiceAndWhatTheBrokerSaysOfIt() {
        JsonNode map = json.readTree(http.get().uri("/console/map").exchange().expectStatus().isOk()
            .returnResult(String.class).getResponseBody());

        assertThat(map.path("exchanges").toString()).contains("event_exchange");
        JsonNode mail = queue(map, "user_created_mail_queue");
        assertThat(mail.path("routing_keys").toString()).isEqualTo("[\"user_created\"]");
        assertThat(mail.path("owner").asString()).isEqualTo("mailer");
        assertThat(mail.path("consumers").asLong()).isPositive();
        assertThat(mail.path("depth").asLong()).isNotNegative();
        assertThat(queue(map, "create_user_operation_queue").path("owner").asString()).isEqualTo("user-commands");
        assertThat(queue(map, "coupons_queue").path("routing_keys").toString()).isEqualTo("[\"user_created\",\"user_deleted\"]");
        assertThat(queue(map, "user_created_mail_queue.parked").path("parking").asBoolean()).isTrue();
    }

    @Test
    void anOpenPageSeesARegistrationsMessagesAsTheyHappenAndTheTapGoesWhenItCloses() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/console/feed")).build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader body = new BufferedReader(new InputStreamReader(feed.body(), StandardCharsets.UTF_8))) {
                for (String line = body.readLine(); line != null; line = body.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // the test closed the page
            }
        }, "console-page");
        reader.start();
        eventually().until(() -> lines.contains("event:hello") && tap.isOpen());

        String email = uniqueEmail("console");
        postJson("/external_users/", Map.of("name", "Watched", "email", email)).expectStatus().isAccepted();

        eventually().until(() -> seen(lines, "create_user", email) && seen(lines, "user_created", email));
        eventually().until(() -> lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains("\"lag_millis\"")));
        String queue = tap.queue();
        assertThat(admin.getQueueInfo(queue)).as("the tap's queue on the broker").isNotNull();
        feed.body().close();
        eventually().until(() -> !tap.isOpen());
        // gone from the broker, not only from the console's fields
        eventually().until(() -> admin.getQueueInfo(queue) == null);
        reader.join(10_000);
    }

    /** A messages event naming this routing key and address. */
    private static boolean seen(List<String> lines, String routingKey, String email) {
        return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains("\"routing_key\":\"" + routingKey + "\"")
            && line.contains(email));
    }

    private static JsonNode queue(JsonNode map, String name) {
        for (JsonNode queue : map.path("queues")) {
            if (queue.path("name").asString().equals(name)) {
                return queue;
            }
        }
        throw new AssertionError("no queue " + name + " on the map: " + map);
    }
}
