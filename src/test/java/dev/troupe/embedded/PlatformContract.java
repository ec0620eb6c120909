package dev.troupe.embedded;

import dev.troupe.support.TroupeIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What an operator looks at: API docs, Swagger UI, health of broker and database. */
abstract class PlatformContract extends TroupeIT {

    @Test
    void servesTheOpenApiDocumentAndSwaggerUi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.paths['/users/']").exists()
            .jsonPath("$.paths['/users/{id}']").exists()
            .jsonPath("$.paths['/external_users/']").exists();
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void exposesTheOutboxLagAsMetrics() {
        http.get().uri("/actuator/metrics/troupe.outbox.pending").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.measurements[0].value").isNumber();
        http.get().uri("/actuator/metrics/troupe.outbox.oldest.age").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.name").isEqualTo("troupe.outbox.oldest.age").jsonPath("$.measurements[0].value").isNumber();
    }

    @Test
    void reportsHealthOfBrokerAndDatabase() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.components.rabbit.status").isEqualTo("UP")
            .jsonPath("$.components.db.status").isEqualTo("UP");
    }
}
