package dev.troupe.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.TroupeApplication;
import dev.troupe.topology.Topology;
import dev.troupe.support.EventTap;
import dev.troupe.support.RealServers;
import dev.troupe.support.ServerSet;
import dev.troupe.harness.TcpProxy;
import dev.troupe.support.TestSmtp;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On the real RabbitMQ behind the proxy, and PostgreSQL in a schema of its own so that no other
 * test's relay publishes its rows. Only the users service runs, and the context is closed after,
 * so its consumers do not linger on the shared broker.
 */
@EnabledIfSystemProperty(named = ServerSet.PROPERTY, matches = ServerSet.REAL)
@SpringBootTest(classes = TroupeApplication.class, properties = {
    "troupe.services=users",
    "troupe.outbox.poll-interval=1h",
    "spring.flyway.schemas=troupe_outage_test",
    "spring.flyway.default-schema=troupe_outage_test"
})
@Import(BrokerOutageRealIT.ClosedWithTheContext.class)
@DirtiesContext
class BrokerOutageRealIT extends BrokerOutageContract {

    private static TcpProxy proxy;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        proxy = new TcpProxy(5672);
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", proxy::port);
        registry.add("spring.datasource.url", () -> RealServers.Initializer.postgresUrl() + "?currentSchema=troupe_outage_test");
        registry.add("spring.datasource.username", RealServers.Initializer::postgresUser);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestSmtp.server().port());
    }

    /** Cut when the context closes, after its listeners and relay have stopped (see {@link BrokerOutageIT}). */
    @TestConfiguration(proxyBeanMethods = false)
    static class ClosedWithTheContext {

        @Bean
        DisposableBean outageProxy() {
            return proxy::close;
        }
    }

    @Override
    protected TcpProxy proxy() {
        return proxy;
    }

    @Override
    protected int brokerPort() {
        return 5672;
    }

    /** A row committed by another process (no local wake-up, polling an hour away) goes out on PostgreSQL's NOTIFY. */
    @Test
    void aRowCommittedElsewhereWakesTheRelayThroughListenNotify() {
        String messageId = UUID.randomUUID().toString();
        try (EventTap tap = EventTap.direct(brokerPort(), "notify_test")) {
            jdbc.sql("""
                    INSERT INTO outbox (message_id, exchange, routing_key, type, content_type, body, created_at, available_at)
                    VALUES (:id, 'event_exchange', 'notify_test', 'notify_test', 'application/json', :body, :now, :now)""")
                .param("id", messageId)
                .param("body", "{}".getBytes(StandardCharsets.UTF_8))
                .param("now", OffsetDateTime.now())
                .update();
            tap.awaitCount(message -> messageId.equals(message.getMessageProperties().getMessageId()), 1);
        }
        assertThat(jdbc.sql("SELECT published_at FROM outbox WHERE message_id = :id").param("id", messageId)
            .query(OffsetDateTime.class).single()).isNotNull();
    }
}
