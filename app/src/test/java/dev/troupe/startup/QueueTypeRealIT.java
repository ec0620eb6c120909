package dev.troupe.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.troupe.support.RealServers;
import dev.troupe.support.TestSmtp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Quorum queues on the real RabbitMQ, in a virtual host and a PostgreSQL schema of the test's
 * own: the choreography works the same, poison is parked the same, and a queue left with the
 * other type is reported at start-up with what to do, not retried forever.
 */
@RealServers
class QueueTypeRealIT extends StartupFailures {

    private final String vhost = "troupe_quorum_" + UUID.randomUUID().toString().substring(0, 8);
    private final String schema = "quorum_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void virtualHostOfItsOwn() throws Exception {
        assumeTrue(rabbitmqctl("add_vhost", vhost), "rabbitmqctl, to make a virtual host");
        rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
    }

    @AfterEach
    void dropThem() throws Exception {
        rabbitmqctl("delete_vhost", vhost);
        JdbcClient.create(new DriverManagerDataSource(RealServers.Initializer.postgresUrl(),
            RealServers.Initializer.postgresUser(), "")).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    @Test
    void onQuorumQueuesARegistrationGetsItsMailAndCouponAndPoisonIsParked() throws Exception {
        try (ConfigurableApplicationContext app = start(settings("troupe.messaging.queue-type=quorum"))) {
            RestTestClient http = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port")).build();
            String email = "quorum-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
            String id = (String) http.post().uri("/users/").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Quorum", "email", email)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
            eventually().until(() -> TestSmtp.server().mails().stream().anyMatch(mail -> mail.to().contains(email)));
            eventually().until(() -> http.get().uri("/coupons?user_id={id}", id).exchange().returnResult(String.class)
                .getStatus().value() == 200);

            String poison = publishRaw("create_user", "{\"name\": ");
            eventually().until(() -> http.get().uri("/admin/parked/?message_id={id}", poison).exchange()
                .returnResult(String.class).getResponseBody().contains(poison));

            // declared as quorum: the same declaration with the type is accepted, a classic one refused
            assertThat(declare("coupons_queue", "quorum")).isTrue();
            assertThat(declare("coupons_queue.parked", "quorum")).isTrue();
            assertThat(declare("coupons_queue", null)).isFalse();
        }
    }

    @Test
    void aQueueOfTheOtherTypeIsNamedAtStartUpWithWhatToDo(CapturedOutput output) throws Exception {
        assertThat(declare("coupons_queue", null)).isTrue();

        String console = failedStart(output, settings("troupe.messaging.queue-type=quorum"));

        assertAnalysed(console, "holds queue 'coupons_queue' (virtual host '" + vhost + "') of another type",
            "troupe.messaging.queue-type", "rabbitmqctl delete_queue -p '" + vhost + "' coupons_queue");
    }

    private String[] settings(String... more) {
        String url = RealServers.Initializer.postgresUrl();
        List<String> all = new java.util.ArrayList<>(List.of(
            "spring.rabbitmq.host=" + RealServers.Initializer.rabbitHost(),
            "spring.rabbitmq.virtual-host=" + vhost,
            "spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
            "spring.datasource.username=" + RealServers.Initializer.postgresUser(),
            "spring.flyway.schemas=" + schema,
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + TestSmtp.server().port(),
            "troupe.messaging.retry.initial-delay=200ms",
            "troupe.messaging.rpc-timeout=1s"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Declares the queue as a client would; false if the broker refused it (another type, or arguments). */
    private boolean declare(String queue, String type) throws Exception {
        try (Connection connection = rabbit().newConnection(); Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, type == null ? null : Map.of("x-queue-type", type));
            return true;
        } catch (java.io.IOException | com.rabbitmq.client.AlreadyClosedException refused) {
            return false;
        }
    }

    /** Publishes like the seed: no properties but a message id. */
    private String publishRaw(String routingKey, String body) throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection connection = rabbit().newConnection(); Channel channel = connection.createChannel()) {
            channel.basicPublish("event_exchange", routingKey,
                new com.rabbitmq.client.AMQP.BasicProperties.Builder().messageId(id).build(), body.getBytes());
        }
        return id;
    }

    private ConnectionFactory rabbit() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(RealServers.Initializer.rabbitHost());
        factory.setVirtualHost(vhost);
        return factory;
    }

    private static boolean rabbitmqctl(String... arguments) throws InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException absent) {
            return false;
        }
    }

    private static org.awaitility.core.ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }
}
