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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The README's "Try it" and then the console: a registration over HTTP while no page is open (no
 * tap runs), and a page opened afterwards still finds its messages in the live flow, both in
 * {@code /console/messages} and in the hello its feed begins with.
 */
class ConsoleHistoryIT extends TroupeIT {

    @Autowired
    MessageTap tap;

    @Test
    void aPageOpenedAfterARegistrationShowsTheRegistrationsMessages() throws Exception {
        eventually().until(() -> !tap.isOpen()); // no page of an earlier test still watching
        String email = uniqueEmail("history");

        String userId = json.readTree(http.post().uri("/external_users/").header("Prefer", "wait=5")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Ada Lovelace", "email", email)).exchange()
                .expectStatus().isCreated().returnResult(String.class).getResponseBody())
            .path("id").asString();
        assertThat(tap.isOpen()).as("no page opened meanwhile: the tap never ran").isFalse();

        // the relay publishes user_created after the commit the 201 waited for: it is there within moments
        JsonNode messages = eventually().until(() -> json.readTree(http.get().uri("/console/messages").exchange()
            .expectStatus().isOk().returnResult(String.class).getResponseBody()), found -> has(found, "user_created", userId));
        assertThat(has(messages, "create_user", email)).as(messages.toString()).isTrue();

        JsonNode hello = hello();
        assertThat(has(hello.path("messages"), "create_user", email)).as(hello.toString()).isTrue();
        assertThat(has(hello.path("messages"), "user_created", userId)).as(hello.toString()).isTrue();
    }

    /** Whether a message with this routing key names {@code who} (its user id or address). */
    private static boolean has(JsonNode messages, String routingKey, String who) {
        for (JsonNode message : messages) {
            if (message.path("routing_key").asString().equals(routingKey)
                && (who.equals(message.path("user_id").asString()) || who.equals(message.path("email").asString()))) {
                return true;
            }
        }
        return false;
    }

    /** Opens the feed as a page does and reads its first event, then closes it. */
    private JsonNode hello() throws Exception {
        HttpResponse<InputStream> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/console/feed")).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader body = new BufferedReader(new InputStreamReader(feed.body(), StandardCharsets.UTF_8))) {
            boolean named = false;
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                if (line.equals("event:hello")) {
                    named = true;
                } else if (named && line.startsWith("data:")) {
                    return json.readTree(line.substring("data:".length()));
                }
            }
        }
        throw new AssertionError("the feed ended before its hello");
    }
}
