package dev.troupe.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.TroupeIT;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The console's actions with no admin password configured, from this machine: allowed with the
 * CSRF token a page holds, refused without it. Pausing the mailer lets its queue grow while
 * registrations come in; resuming it drains the queue, every user mailed.
 */
class ConsoleAdminIT extends TroupeIT {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void anActionWithoutThePagesTokenIsRefused() throws Exception {
        assertThat(send("POST", "/console/admin/consumers/mailer/pause", false).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/console/admin/consumers/mailer/pause", true).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/console/admin/consumers/mailer/resume", true).statusCode()).isEqualTo(200);
    }

    @Test
    void withNoPasswordAnotherHostIsToldWhyNotSentToALoginThatCannotSucceed() throws Exception {
        // a request that names another host in Host is not this machine's (as a rebound DNS name is not)
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /mail/messages HTTP/1.1\r\nHost: troupe.example\r\n"
                + "Accept: application/json\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403").contains("application/problem+json")
                .contains("troupe.admin.password").doesNotContain("Location:");
        }
    }

    @Test
    void theSeedsApiNeedsNoTokenNorLogin() {
        postJson("/external_users/", Map.of("name", "Open", "email", uniqueEmail("open"))).expectStatus().isAccepted();
    }

    @Test
    void theMailerPausedItsQueueGrowsAndResumedItDrainsEveryUserMailed() throws Exception {
        assertThat(send("POST", "/console/admin/consumers/mailer/pause", true).body()).contains("\"running\":false");
        String first = uniqueEmail("paused");
        String second = uniqueEmail("paused");
        try {
            postJson("/external_users/", Map.of("name", "Waiting One", "email", first)).expectStatus().isAccepted();
            postJson("/external_users/", Map.of("name", "Waiting Two", "email", second)).expectStatus().isAccepted();
            eventually().until(() -> depth("user_created_mail_queue") >= 2);
            assertThat(mailsTo(first)).isEmpty();
        } finally {
            assertThat(send("POST", "/console/admin/consumers/mailer/resume", true).body()).doesNotContain("\"running\":false");
        }
        eventually().until(() -> mailsTo(first).size() == 1 && mailsTo(second).size() == 1);
        eventually().until(() -> depth("user_created_mail_queue") == 0);
    }

    @Test
    void aUserRegisteredThroughTheConsoleWaitsForItsOutcomeAndIsListed() throws Exception {
        String email = uniqueEmail("console-form");
        HttpResponse<String> registered = send(HttpRequest.newBuilder(uri("/console/admin/api/external_users/"))
            .header("Content-Type", "application/json").header("Prefer", "wait=10")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Formed\",\"email\":\"" + email + "\"}")), true);

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json.readTree(registered.body()).path("id").asString();
        HttpResponse<String> users = send("GET", "/console/admin/api/users/?email=" + email, false);
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains(id, email);
        assertThat(send("GET", "/console/admin/api/internal/anything", false).statusCode()).isEqualTo(404);
    }

    @Test
    void theMailboxGivesEachMailsSourceBesideItsParts() throws Exception {
        String email = uniqueEmail("mailbox");
        postJson("/external_users/", Map.of("name", "Sourced", "email", email)).expectStatus().isAccepted();
        eventually().until(() -> mailsTo(email).size() == 1);
        if (!mailIsEmbedded()) {
            return; // the captured mail is the embedded catcher's; on a real SMTP server there is none to show
        }
        JsonNode mails = json.readTree(send("GET", "/mail/messages", false).body());
        JsonNode mail = null;
        for (JsonNode candidate : mails) {
            if (candidate.path("to").toString().contains(email)) {
                mail = candidate;
            }
        }
        assertThat(mail).isNotNull();
        assertThat(mail.path("raw").asString()).contains("Message-ID:", "To: " + email);
    }

    private long depth(String queue) throws Exception {
        for (JsonNode candidate : json.readTree(send("GET", "/console/map", false).body()).path("queues")) {
            if (candidate.path("name").asString().equals(queue)) {
                return candidate.path("depth").asLong();
            }
        }
        throw new AssertionError("no " + queue + " on the map");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(String method, String path, boolean withToken) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), withToken);
    }

    /** As the page does: the token from the cookie its first answer set, in the header. */
    private HttpResponse<String> send(HttpRequest.Builder request, boolean withToken) throws Exception {
        if (withToken) {
            browser.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.discarding());
            String token = cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
            request.header("X-XSRF-TOKEN", token);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
