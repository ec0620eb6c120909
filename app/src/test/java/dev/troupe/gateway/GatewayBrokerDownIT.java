package dev.troupe.gateway;

import dev.troupe.support.EmbeddedServers;
import dev.troupe.TroupeApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** With the broker unreachable the gateway answers 503 with problem details, never 202. */
@SpringBootTest(classes = TroupeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "troupe.services=gateway",
        "troupe.embedded.data-dir=./target/it-data/${random.uuid}",
        "spring.rabbitmq.host=127.0.0.1",
        "spring.rabbitmq.port=1",
        "spring.rabbitmq.connection-timeout=1s",
        // only the HTTP answer is under test: consumers would retry the missing broker every few
        // seconds, and Spring AMQP logs each failed attempt to redeclare their queues at ERROR
        "spring.rabbitmq.listener.simple.auto-startup=false",
        // the gateway is to come up without its broker here, not to fail the start-up check
        "troupe.startup.check-broker=false"
    })
@EmbeddedServers
class GatewayBrokerDownIT {

    @LocalServerPort
    int port;

    @Test
    void answers503WhenTheBrokerCannotTakeTheCommand() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
            .post().uri("/external_users/").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "Nobody", "email", "nobody@example.com")).exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER)
            .expectBody().jsonPath("$.title").isEqualTo("Message broker unavailable");
    }
}
