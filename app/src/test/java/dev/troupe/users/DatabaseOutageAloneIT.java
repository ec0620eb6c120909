package dev.troupe.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.TroupeApplication;
import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.topology.Topology;
import dev.troupe.support.RealServers;
import dev.troupe.harness.TcpProxy;
import dev.troupe.support.TestSmtp;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database unreachable while a command arrives: the command can be neither applied nor stored
 * for later, so it is requeued (after a pause) until the database is back, then applied once,
 * none lost. PostgreSQL is reached through a proxy the test cuts, in a schema of its own; run in
 * a JVM of its own so that no other test's consumer takes the command.
 */
@EnabledIfEnvironmentVariable(named = RealServers.SWITCH, matches = "true")
@SpringBootTest(classes = TroupeApplication.class, properties = {
    "troupe.services=users,user-commands",
    "spring.datasource.hikari.connection-timeout=1000",
    "spring.datasource.hikari.validation-timeout=500",
    "spring.flyway.schemas=troupe_db_outage_test",
    "spring.flyway.default-schema=troupe_db_outage_test"
})
@Import(DatabaseOutageAloneIT.ClosedWithTheContext.class)
@DirtiesContext
class DatabaseOutageAloneIT {

    private static TcpProxy postgres;

    @Autowired
    ConfirmedPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        postgres = new TcpProxy(5432);
        registry.add("spring.rabbitmq.host", RealServers.Initializer::rabbitHost);
        registry.add("spring.datasource.url",
            () -> "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/test?currentSchema=troupe_db_outage_test");
        registry.add("spring.datasource.username", RealServers.Initializer::postgresUser);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestSmtp.server().port());
    }

    /**
     * Cut when the context closes, after its listeners and relay have stopped: an {@code @AfterAll}
     * runs before the Spring extension closes the context, under a still running application.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ClosedWithTheContext {

        @Bean
        DisposableBean postgresProxy() {
            return postgres::close;
        }
    }

    @Test
    void aCommandArrivingWhileTheDatabaseIsDownIsAppliedOnceItIsBack() {
        String email = "db-outage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String body = "{\"name\": \"Patient\", \"email\": \"" + email + "\"}";
        String messageId = UUID.randomUUID().toString();
        postgres.cut();
        try {
            MessageProperties properties = new MessageProperties();
            properties.setMessageId(messageId);
            publisher.publish(Topology.EXCHANGE, Topology.CREATE_USER, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
            // while the database is away the command can only go back to its queue, again and again
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> requeued() >= 2);
        } finally {
            postgres.restore();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
            .until(() -> users.list(email, 0, 10).totalItems() == 1);
        assertThat(users.list(email, 0, 10).items()).singleElement()
            .satisfies(user -> assertThat(user.name()).isEqualTo("Patient"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM parked_messages WHERE message_id = :id").param("id", messageId)
            .query(Long.class).single()).isZero();
    }

    private double requeued() {
        return meters.counter("troupe.messaging.requeued", "queue", Topology.CREATE_USER_OPERATION_QUEUE).count();
    }
}
