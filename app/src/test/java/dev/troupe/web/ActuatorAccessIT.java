package dev.troupe.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.RawHttp;
import dev.troupe.support.RawHttp.Answer;
import dev.troupe.support.TroupeIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * With no admin password, the actuator's details and metrics are this machine's, as the console's
 * actions are: a request that names another host sees only whether Troupe is up.
 */
class ActuatorAccessIT extends TroupeIT {

    @Test
    void thisMachineSeesTheDetailsAndTheMetrics() throws Exception {
        JsonNode health = json.readTree(RawHttp.send(port, "GET", "/actuator/health", null).body());
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(RawHttp.send(port, "GET", "/actuator/metrics/troupe.messaging.outbox.pending", null).status()).isEqualTo(200);
    }

    @Test
    void anotherHostSeesOnlyWhetherItIsUp() throws Exception {
        Answer health = RawHttp.send(port, "GET", "/actuator/health", null, "Host: troupe.example");
        assertThat(health.status()).isEqualTo(200);
        assertThat(json.readTree(health.body()).propertyNames()).containsExactly("status");

        Answer metrics = RawHttp.send(port, "GET", "/actuator/metrics", null, "Host: troupe.example");
        assertThat(metrics.status()).isEqualTo(403);
        assertThat(metrics.contentType()).startsWith("application/problem+json");
    }
}
