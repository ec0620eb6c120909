package dev.troupe.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.TroupeIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The users service's HTTP API: every route, and every error as problem details. */
class UsersApiIT extends TroupeIT {

    @Test
    void registersReadsListsAndDeletesAUser() {
        String email = uniqueEmail("ada");
        User created = register("Ada Lovelace", email)
            .expectStatus().isCreated()
            .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).matches("/users/" + UUID_V7))
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
        assertThat(first.items().get(0).id().toString()).isLessThan(first.items().get(1).id().toString());
        assertThat(second.items()).isNotEmpty();
        assertThat(second.items().get(0).id().toString()).isGreaterThan(first.items().get(1).id().toString());
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
    void idsRegisteredOneAfterAnotherSortInTheirOrder() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(register("Order " + i, uniqueEmail("order")).expectStatus().isCreated()
                .expectBody(User.class).returnResult().getResponseBody().id().toString());
        }
        assertThat(ids).allSatisfy(id -> assertThat(id).matches(UUID_V7)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aMalformedIdInAPathIsAnUnknownUser() {
        for (String path : java.util.List.of("/users/{id}", "/external_users/{id}")) {
            for (String id : java.util.List.of("42", "not-a-uuid")) {
                var request = path.startsWith("/users") ? http.get().uri(path, id) : http.delete().uri(path, id);
                request.exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains(id).contains("UUID"));
            }
        }
        http.delete().uri("/users/{id}", "42").exchange().expectStatus().isNotFound();
    }

    @Test
    void queryParametersOutOfRangeAreInvalidWithTheParameterNamed() {
        for (String[] query : new String[][] {{"size=1000", "size"}, {"size=0", "size"}, {"page=-1", "page"},
                                              {"size=abc", "size"}}) {
            http.get().uri("/users/?" + query[0]).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.errors[0].field").isEqualTo(query[1]).jsonPath("$.errors[0].message").isNotEmpty();
        }
        http.get().uri("/coupons?user_id=abc").exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("user_id")
            .jsonPath("$.errors[0].message").isEqualTo("must be a UUID");
        http.get().uri("/coupons").exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("user_id");
    }

    /** As with the seed's FastAPI service: a body without a Content-Type is read as JSON; another type is 415. */
    @Test
    void aBodyWithoutContentTypeIsJsonAndAnotherTypeIsRefusedWith415() throws Exception {
        String email = uniqueEmail("untyped");
        java.net.http.HttpResponse<String> untyped = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/users/"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"name\": \"Untyped\", \"email\": \"" + email + "\"}")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(untyped.request().headers().firstValue("content-type")).isEmpty();
        assertThat(untyped.statusCode()).isEqualTo(201);
        assertThat(untyped.body()).contains(email);

        http.post().uri("/users/").contentType(MediaType.TEXT_PLAIN).body("{\"name\": \"Plain\"}").exchange()
            .expectStatus().isEqualTo(415)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(415);
    }

    @Test
    void answersUnknownUserWith404() {
        http.get().uri("/users/{id}", java.util.UUID.randomUUID()).exchange().expectStatus().isNotFound()
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
