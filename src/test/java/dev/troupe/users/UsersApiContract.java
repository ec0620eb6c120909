package dev.troupe.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.TroupeIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The users service's HTTP API: every route, and every error as problem details. */
abstract class UsersApiContract extends TroupeIT {

    @Test
    void registersReadsListsAndDeletesAUser() {
        String email = uniqueEmail("ada");
        User created = register("Ada Lovelace", email)
            .expectStatus().isCreated()
            .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).matches("/users/\\d+"))
            .expectBody(User.class).returnResult().getResponseBody();
        assertThat(created.name()).isEqualTo("Ada Lovelace");
        assertThat(created.email()).isEqualTo(email);

        http.get().uri("/users/{id}", created.id()).exchange()
            .expectStatus().isOk().expectBody(User.class).isEqualTo(created);
        http.get().uri("/users?page=0&size=100").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.size").isEqualTo(100).jsonPath("$.total_items").isNumber();

        http.delete().uri("/users/{id}", created.id()).exchange().expectStatus().isNoContent();
        http.get().uri("/users/{id}", created.id()).exchange().expectStatus().isNotFound();
        http.delete().uri("/users/{id}", created.id()).exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.title").isEqualTo("User not found");
    }

    @Test
    void acceptsTheCollectionWithAndWithoutTrailingSlash() {
        register("Slash", uniqueEmail("slash"), "/users/").expectStatus().isCreated();
        register("NoSlash", uniqueEmail("noslash"), "/users").expectStatus().isCreated();
        http.get().uri("/users/").exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isArray();
        http.get().uri("/users").exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isArray();
    }

    @Test
    void pagesThroughUsersInIdOrder() {
        for (int i = 0; i < 3; i++) {
            register("Pager " + i, uniqueEmail("pager")).expectStatus().isCreated();
        }
        UserPage first = page("/users/?page=0&size=2");
        UserPage second = page("/users/?page=1&size=2");
        assertThat(first.items()).hasSize(2);
        assertThat(first.items().get(0).id()).isLessThan(first.items().get(1).id());
        assertThat(second.items()).isNotEmpty();
        assertThat(second.items().get(0).id()).isGreaterThan(first.items().get(1).id());
        assertThat(first.totalItems()).isGreaterThanOrEqualTo(3);
        http.get().uri("/users/?size=1000").exchange().expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesASecondRegistrationOfTheSameAddressWhateverItsCase() {
        String email = uniqueEmail("twice");
        register("First", email).expectStatus().isCreated();
        register("Second", email.toUpperCase()).expectStatus().isEqualTo(409)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.title").isEqualTo("E-mail already registered");
    }

    @Test
    void answersInvalidInputWithProblemDetails() {
        assertInvalid(Map.of("name", "", "email", uniqueEmail("blank")), "name");
        assertInvalid(Map.of("email", uniqueEmail("missing")), "name");
        assertInvalid(Map.of("name", "x".repeat(101), "email", uniqueEmail("long")), "name");
        assertInvalid(Map.of("name", "Bell\u0007", "email", uniqueEmail("ctrl")), "name");
        assertInvalid(Map.of("name", "Line\r\nBreak", "email", uniqueEmail("crlf")), "name");
        assertInvalid(Map.of("name", "No Mail", "email", "not-an-address"), "email");
        assertInvalid(Map.of("name", "No Domain", "email", "someone@localhost"), "email");
        register("y".repeat(100), uniqueEmail("hundred")).expectStatus().isCreated();
    }

    @Test
    void answersMalformedJsonWith400() {
        postJson("/users/", "{\"name\": ").expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void refusesBodiesOver16KiBWith413() {
        String body = "{\"name\":\"" + "z".repeat(17 * 1024) + "\",\"email\":\"big@example.com\"}";
        postJson("/users/", body).expectStatus().isEqualTo(413)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void answersUnknownUserWith404() {
        http.get().uri("/users/{id}", Long.MAX_VALUE).exchange().expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void assertInvalid(Map<String, String> body, String field) {
        postJson("/users/", body).expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private RestTestClient.ResponseSpec register(String name, String email) {
        return register(name, email, "/users/");
    }

    private RestTestClient.ResponseSpec register(String name, String email, String path) {
        return postJson(path, Map.of("name", name, "email", email));
    }

    private UserPage page(String uri) {
        return read(http.get().uri(uri).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody(),
            new tools.jackson.core.type.TypeReference<>() {
            });
    }
}
