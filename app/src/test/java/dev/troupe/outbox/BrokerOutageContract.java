package dev.troupe.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.topology.Topology;
import dev.troupe.support.EventTap;
import dev.troupe.harness.TcpProxy;
import dev.troupe.events.CreateUser;
import dev.troupe.users.User;
import dev.troupe.users.UserService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The broker unreachable during and after a commit: the change commits, its event waits in the
 * outbox, and is published once the broker is back, none lost. The application reaches the broker
 * through a proxy the test cuts. Polling is set to an hour, so only wake-ups move the relay.
 */
abstract class BrokerOutageContract {

    @Autowired
    UserService users;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    protected abstract TcpProxy proxy();

    /** The broker behind the proxy, for the test's own tap, which must not go through the cut. */
    protected abstract int brokerPort();

    @Test
    void anEventCommittedWhileTheBrokerIsUnreachableIsPublishedOnceItIsBack() {
        String email = "outage-" + System.nanoTime() + "@example.com";
        try (EventTap tap = EventTap.direct(brokerPort(), Topology.USER_CREATED)) {
            double failedBefore = failedRounds();
            proxy().cut();
            User user;
            try {
                user = users.register(new CreateUser("Outage", email), "outage-test");
                await().until(() -> failedRounds() > failedBefore);
                assertThat(unpublished(user)).isEqualTo(1);
            } finally {
                proxy().restore();
            }
            tap.awaitCount(message -> new String(message.getBody(), StandardCharsets.UTF_8).contains(email), 1);
            await().until(() -> unpublished(user) == 0);
        }
    }

    /** Polling is an hour away here: an event that goes out at once was sent by the commit's own wake-up. */
    @Test
    void aLocalCommitWakesTheRelayAtOnce() {
        String email = "wake-" + System.nanoTime() + "@example.com";
        try (EventTap tap = EventTap.direct(brokerPort(), Topology.USER_CREATED)) {
            users.register(new CreateUser("Awake", email), "wake-test");
            tap.awaitCount(message -> new String(message.getBody(), StandardCharsets.UTF_8).contains(email), 1);
        }
    }

    private long unpublished(User user) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE ordering_key = :key AND published_at IS NULL")
            .param("key", "user-" + user.id()).query(Long.class).single();
    }

    private double failedRounds() {
        return meters.counter("troupe.messaging.outbox.failed.rounds").count();
    }

    protected static org.awaitility.core.ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50));
    }
}
