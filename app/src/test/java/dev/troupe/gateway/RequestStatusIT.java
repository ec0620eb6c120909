package dev.troupe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.TroupeIT;
import dev.troupe.users.User;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The client learns the outcome: a status derived from the events, or the answer itself with Prefer: wait. */
class RequestStatusIT extends TroupeIT {

    @Test
    void aRegistrationsStatusGoesFromPendingToCreated() {
        String email = uniqueEmail("status");
        String location = postJson("/external_users/", Map.of("name", "Status", "email", email))
            .expectStatus().isAccepted()
            .expectBody().jsonPath("$.status").isEqualTo("pending")
            .returnResult().getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).startsWith("/external_users/requests/");

        Map<String, Object> status = eventually().until(() -> status(location), s -> "created".equals(s.get("status")));
        User user = findUserByEmail(email);
        assertThat(status.get("user_id")).isEqualTo(user.id().toString());
        assertThat(status.get("kind")).isEqualTo("registration");
    }

    @Test
    void aRegistrationForATakenAddressIsRejectedWithTheReasonAndSendsNoMail() {
        String email = uniqueEmail("taken");
        postJson("/users/", Map.of("name", "First", "email", email)).expectStatus().isCreated();
        eventually().until(() -> mailsTo(email).size() == 1);

        String location = postJson("/external_users/", Map.of("name", "Second", "email", email))
            .expectStatus().isAccepted().returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        Map<String, Object> status = eventually().until(() -> status(location), s -> "rejected".equals(s.get("status")));
        assertThat((String) status.get("reason")).contains("already registered");
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void withPreferWaitTheClientGetsTheCreatedUser() {
        String email = uniqueEmail("wait");
        User user = http.post().uri("/external_users/").contentType(MediaType.APPLICATION_JSON)
            .header("Prefer", "wait=10")
            .body(Map.of("name", "Waited", "email", email)).exchange()
            .expectStatus().isCreated()
            .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).matches("/users/" + UUID_V7))
            .expectBody(User.class).returnResult().getResponseBody();
        assertThat(user.email()).isEqualTo(email);
        assertThat(findUserByEmail(email)).isEqualTo(user);

        http.post().uri("/external_users/").contentType(MediaType.APPLICATION_JSON)
            .header("Prefer", "respond-async, wait=10")
            .body(Map.of("name", "Again", "email", email)).exchange()
            .expectStatus().isEqualTo(409)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.title").isEqualTo("Registration rejected");
    }

    @Test
    void manyClientsWaitingAtOnceEachGetTheirOwnUser() {
        List<String> emails = IntStream.range(0, 40).mapToObj(i -> uniqueEmail("crowd" + i)).toList();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<User>> answers = emails.stream()
                .map(email -> CompletableFuture.supplyAsync(() -> registerAndWait(email), clients)).toList();
            for (int i = 0; i < emails.size(); i++) {
                assertThat(answers.get(i).join().email()).isEqualTo(emails.get(i));
            }
        } finally {
            clients.shutdownNow();
        }
        eventually().until(() -> emails.stream().allMatch(email -> mailsTo(email).size() == 1));
    }

    private User registerAndWait(String email) {
        var result = http.post().uri("/external_users/").contentType(MediaType.APPLICATION_JSON)
            .header("Prefer", "wait=10").body(Map.of("name", "Crowd", "email", email)).exchange()
            .returnResult(User.class);
        assertThat(result.getStatus().value()).as("status for %s", email).isEqualTo(201);
        return result.getResponseBody();
    }

    @Test
    void aDeletionsStatusEndsDeleted() {
        User user = postJson("/users/", Map.of("name", "To Go", "email", uniqueEmail("to-go")))
            .expectStatus().isCreated().expectBody(User.class).returnResult().getResponseBody();
        String location = http.delete().uri("/external_users/{id}", user.id()).exchange()
            .expectStatus().isAccepted().returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        eventually().until(() -> status(location), s -> "deleted".equals(s.get("status")));
        http.get().uri("/external_users/requests/{id}", "no-such-request").exchange().expectStatus().isNotFound();
    }

    @Test
    void deletingAnUnknownUserIsRejectedWithTheReason() {
        String location = http.delete().uri("/external_users/{id}", java.util.UUID.randomUUID()).exchange()
            .expectStatus().isAccepted().returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        Map<String, Object> status = eventually().until(() -> status(location), s -> "rejected".equals(s.get("status")));
        assertThat((String) status.get("reason")).contains("No user");
    }

    private Map<String, Object> status(String location) {
        return read(http.get().uri(location).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody(),
            new tools.jackson.core.type.TypeReference<>() {
            });
    }
}
