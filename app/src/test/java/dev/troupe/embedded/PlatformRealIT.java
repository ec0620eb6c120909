package dev.troupe.embedded;

import dev.troupe.support.RealServers;
import org.junit.jupiter.api.Test;

@RealServers
class PlatformRealIT extends PlatformContract {

    @Test
    void runsOnRabbitMqAndPostgresql() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.components.db.details.database").isEqualTo("PostgreSQL")
            .jsonPath("$.components.rabbit.details.version").value(String.class,
                version -> org.assertj.core.api.Assertions.assertThat(version).startsWith("3."));
    }
}
