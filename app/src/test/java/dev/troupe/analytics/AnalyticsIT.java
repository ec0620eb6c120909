package dev.troupe.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.topology.Topology;
import dev.troupe.support.TroupeIT;
import dev.troupe.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A subscriber added in one class gets every user_created once, its poison parked and its
 * duplicates dropped. Its queues exist only for this class: left behind on a shared broker, bound
 * to user_created, they would fill up for ever. So the context is closed after the class and the
 * queues deleted as it closes, once its listeners have stopped (an {@code @AfterAll} runs before
 * that, and a listener still running would declare them again).
 */
@Import(AnalyticsIT.WithAnalytics.class)
@DirtiesContext
class AnalyticsIT extends TroupeIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class WithAnalytics {
        @Bean
        Analytics analytics() {
            return new Analytics();
        }

        @Bean
        DisposableBean analyticsQueuesRemoved(AmqpAdmin admin) {
            return () -> {
                admin.deleteQueue(Analytics.QUEUE);
                admin.deleteQueue(Analytics.QUEUE + ".parked");
            };
        }
    }

    @Autowired
    Analytics analytics;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRegistrationReachesItOnceItsPoisonIsParkedAndADuplicateIsDropped() {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(postJson("/users/", Map.of("name", "Counted " + i, "email", uniqueEmail("analytics"))).expectStatus()
                .isCreated().expectBody(User.class).returnResult().getResponseBody().id());
        }
        eventually().until(() -> seenUsers().containsAll(users));

        String poison = sendToQueue(Analytics.QUEUE, Topology.USER_CREATED, UUID.randomUUID().toString(), "{not json");
        assertThat(awaitParked(Analytics.QUEUE, poison).reason()).isNotBlank();

        UUID again = users.get(0);
        String eventId = jdbc.sql("SELECT message_id FROM outbox WHERE ordering_key = :key AND routing_key = 'user_created'")
            .param("key", "user-" + again).query(String.class).single();
        String body = "{\"event_id\":\"" + eventId + "\",\"user_id\":\"" + again
            + "\",\"name\":\"Counted 0\",\"email\":\"again@example.com\",\"occurred_at\":\"2026-12-01T10:00:00Z\"}";
        sendToQueue(Analytics.QUEUE, Topology.USER_CREATED, eventId, body);
        // one more registration behind the copy on the same queue: once it is seen, so was the copy
        UUID last = postJson("/users/", Map.of("name", "Last", "email", uniqueEmail("analytics-last"))).expectStatus()
            .isCreated().expectBody(User.class).returnResult().getResponseBody().id();
        eventually().until(() -> seenUsers().contains(last));

        assertThat(seenUsers().stream().filter(users::contains).toList()).hasSize(users.size()).doesNotHaveDuplicates();
    }

    /** The inbox row is written in the handler's transaction: a failed handler leaves none, and the retry is processed. */
    @Test
    void aHandlerThatFailsLeavesNoInboxRowAndItsRetryIsProcessedOnce() {
        double retriedBefore = meters.counter("troupe.messaging.retried", "queue", Analytics.QUEUE).count();
        UUID user = postJson("/users/", Map.of("name", Analytics.FAILS_ONCE, "email", uniqueEmail("analytics-fails")))
            .expectStatus().isCreated().expectBody(User.class).returnResult().getResponseBody().id();
        eventually().until(() -> seenUsers().contains(user));
        assertThat(meters.counter("troupe.messaging.retried", "queue", Analytics.QUEUE).count()).isGreaterThan(retriedBefore);
        assertThat(seenUsers().stream().filter(user::equals)).hasSize(1);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private List<UUID> seenUsers() {
        return analytics.seen().stream().map(event -> event.userId()).toList();
    }
}
