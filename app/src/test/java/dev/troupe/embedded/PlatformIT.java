package dev.troupe.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.EmbeddedServers;
import dev.troupe.support.ServerSet;
import dev.troupe.support.TroupeIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.MediaType;
import tools.jackson.core.type.TypeReference;

/** What an operator looks at: API docs, Swagger UI, health of broker and database. */
class PlatformIT extends TroupeIT {

    @Test
    void servesTheOpenApiDocumentAndSwaggerUi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.paths['/users/']").exists()
            .jsonPath("$.paths['/users/{user_id}']").exists()
            .jsonPath("$.paths['/external_users/']").exists();
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    /** The document a client generator reads: Troupe's, one entry per route, real status codes, described. */
    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentIsTroupesOwnWithRealStatusCodesAndDescriptions() {
        Map<String, Object> document = read(http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
            .returnResult(String.class).getResponseBody(), new TypeReference<>() {
            });
        Map<String, Object> info = (Map<String, Object>) document.get("info");
        assertThat(info.get("title")).isEqualTo("Troupe");
        assertThat((String) info.get("version")).isNotBlank().doesNotContain("@").isNotEqualTo("v0");
        assertThat((String) info.get("description")).isNotBlank();

        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        assertThat(paths.keySet()).allSatisfy(path -> assertThat(paths).doesNotContainKey(
            path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/"));
        assertThat(paths).containsKeys("/users/", "/users/{user_id}", "/external_users/", "/external_users/{user_id}");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
            assertThat((String) operation.get("summary")).as(method + " " + path).isNotBlank()));

        assertThat(responses(paths, "/users/", "post")).containsKeys("201", "400", "409", "413", "415").doesNotContainKey("200");
        assertThat(responses(paths, "/users/{user_id}", "get")).containsKeys("200", "404");
        assertThat(responses(paths, "/users/{user_id}", "delete")).containsKeys("204", "404");
        assertThat(responses(paths, "/external_users/", "post")).containsKeys("201", "202", "400", "409", "413", "415", "503");
        assertThat(responses(paths, "/external_users/{user_id}", "delete")).containsKeys("202", "404", "503");
        assertThat(responses(paths, "/users/", "get")).containsKeys("200", "400");
        assertThat((Map<String, Object>) responses(paths, "/users/", "post").get("409")).extracting("content")
            .asString().contains("application/problem+json").contains("#/components/schemas/Problem");

        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
            ((Map<String, Object>) document.get("components")).get("schemas");
        Map<String, Map<String, Object>> user = (Map<String, Map<String, Object>>) schemas.get("User").get("properties");
        assertThat(user.get("id")).containsEntry("type", "string").containsEntry("format", "uuid");
        Map<String, Map<String, Object>> status = (Map<String, Map<String, Object>>) schemas.get("RequestStatus").get("properties");
        assertThat(status.get("user_id")).containsEntry("type", "string").containsEntry("format", "uuid");
        schemas.forEach((name, schema) -> {
            assertThat((String) schema.get("description")).as(name).isNotBlank();
            ((Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of())).forEach((field, property) -> {
                assertThat(field).as(name + " names its fields as they are sent").doesNotContainPattern("[A-Z]");
                assertThat((String) property.get("description")).as(name + "." + field).isNotBlank();
            });
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> responses(Map<String, Map<String, Map<String, Object>>> paths, String path,
                                                 String method) {
        return (Map<String, Object>) paths.get(path).get(method).get("responses");
    }

    @Test
    void exposesTheOutboxLagAsMetrics() {
        http.get().uri("/actuator/metrics/troupe.messaging.outbox.pending").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.measurements[0].value").isNumber();
        http.get().uri("/actuator/metrics/troupe.messaging.outbox.oldest.age").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.name").isEqualTo("troupe.messaging.outbox.oldest.age").jsonPath("$.measurements[0].value").isNumber();
    }

    @Test
    void reportsHealthOfBrokerAndDatabase() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.components.rabbit.status").isEqualTo("UP")
            .jsonPath("$.components.db.status").isEqualTo("UP");
    }

    @Test
    @EmbeddedServers
    void runsOnTheEmbeddedBrokerAndDatabase() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.components.rabbit.details.version").isEqualTo("9.2.1")
            .jsonPath("$.components.db.details.database").isEqualTo("H2");
    }

    @Test
    @EnabledIfSystemProperty(named = ServerSet.PROPERTY, matches = ServerSet.REAL)
    void runsOnRabbitMqAndPostgresql() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.components.db.details.database").isEqualTo("PostgreSQL")
            .jsonPath("$.components.rabbit.details.version").value(String.class,
                version -> assertThat(version).startsWith("3."));
    }

    /** The embedded mail catcher's own page and API. */
    @Test
    @EmbeddedServers
    void showsCapturedMailOnItsPageAndAsJson() {
        String email = uniqueEmail("page");
        postJson("/users/", Map.of("name", "Page <Reader>", "email", email)).expectStatus().isCreated();
        postJson("/external_users/", Map.of("name", "Page <Reader>", "email", email)).expectStatus().isAccepted();
        eventually().until(() -> mailsTo(email).size() == 1);

        String page = http.get().uri("/mail").exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .returnResult(String.class).getResponseBody();
        assertThat(page).contains(email).contains("Page &lt;Reader&gt;").doesNotContain("<Reader>");
        http.get().uri("/mail/messages").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$[?(@.to[0] == '" + email + "')].subject").isEqualTo("Welcome to Troupe, Page <Reader>!");
    }
}
