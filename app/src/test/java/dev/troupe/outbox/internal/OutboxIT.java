package dev.troupe.outbox.internal;


import dev.troupe.outbox.OutboxSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.internal.BatchPublisher;
import dev.troupe.topology.Topology;
import dev.troupe.support.EventTap;
import dev.troupe.support.TroupeIT;
import dev.troupe.events.CreateUser;
import dev.troupe.users.User;
import dev.troupe.users.UserService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/** The outbox's guarantees: an event exists if and only if its change committed, and goes out once per relay fleet. */
class OutboxIT extends TroupeIT {

    @Autowired
    UserService users;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MessagingSettings messaging;

    @Test
    void aRolledBackRegistrationPublishesNoEvent() {
        String rolledBack = uniqueEmail("rolled-back");
        String committed = uniqueEmail("committed");
        try (EventTap tap = EventTap.on(admin, rabbit, Topology.USER_CREATED)) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                users.register(new CreateUser("Never Was", rolledBack), "rollback-test");
                status.setRollbackOnly();
            });
            users.register(new CreateUser("Was", committed), "commit-test");

            tap.awaitCount(message -> body(message).contains(committed), 1);
            assertThat(tap.received()).noneMatch(message -> body(message).contains(rolledBack));
        }
        assertThat(findUserByEmail(rolledBack)).isNull();
    }

    @Test
    void eventsCarryTheAgreedBodyAndProperties() {
        String email = uniqueEmail("shape");
        try (EventTap tap = EventTap.on(admin, rabbit, Topology.USER_CREATED)) {
            User user = users.register(new CreateUser("Shape", email), "request-42");
            Message event = tap.awaitCount(message -> body(message).contains(email), 1).get(0);
            MessageProperties properties = event.getMessageProperties();
            assertThat(properties.getCorrelationId()).isEqualTo("request-42");
            assertThat(properties.getType()).isEqualTo("user_created");
            assertThat(properties.getContentType()).isEqualTo("application/json");
            assertThat(properties.getTimestamp()).isNotNull();
            Map<String, Object> fields = read(body(event), new TypeReference<>() {
            });
            assertThat(fields).containsOnlyKeys("event_id", "user_id", "name", "email", "occurred_at");
            assertThat(fields.get("event_id")).isEqualTo(properties.getMessageId());
            assertThat(fields.get("user_id")).isEqualTo(user.id().toString());
        }
    }

    @Test
    void twoRelaysOnOneTablePublishEveryEventOnceAndEachUsersEventsInOrder() throws Exception {
        OutboxRelay second = new OutboxRelay(new OutboxTable(jdbc, Clock.systemUTC(), "outbox"), new TransactionTemplate(transactions),
            new BatchPublisher(rabbit, messaging.confirmTimeout()), json,
            new OutboxSettings(true, 1, 7, Duration.ofMillis(20), Duration.ofHours(1), Duration.ofMinutes(1)),
            new SimpleMeterRegistry());
        int count = 40;
        String batch = "two-relays-" + System.nanoTime();
        List<String> emails = new ArrayList<>();
        try (EventTap tap = EventTap.on(admin, rabbit, Topology.USER_CREATED, Topology.USER_DELETED)) {
            second.start();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<User>> registered = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = uniqueEmail("relay" + i);
                emails.add(email);
                registered.add(writers.submit(() -> {
                    User user = users.register(new CreateUser("Relay", email), batch);
                    users.delete(user.id(), batch);
                    return user;
                }));
            }
            for (Future<User> user : registered) {
                user.get();
            }
            writers.shutdown();
            tap.awaitCount(message -> batch.equals(message.getMessageProperties().getCorrelationId()), 2 * count);
            // one more event behind them all: once it is in, any duplicate of theirs would be too
            users.register(new CreateUser("Last", uniqueEmail("last")), batch + "-last");
            tap.awaitCount(message -> (batch + "-last").equals(message.getMessageProperties().getCorrelationId()), 1);

            List<Message> events = tap.received().stream()
                .filter(message -> batch.equals(message.getMessageProperties().getCorrelationId())).toList();
            Set<String> ids = events.stream().map(message -> message.getMessageProperties().getMessageId()).collect(Collectors.toSet());
            assertThat(events).hasSize(2 * count);
            assertThat(ids).hasSize(2 * count);
            Map<Object, List<String>> typesByUser = events.stream().collect(Collectors.groupingBy(
                message -> read(body(message), new TypeReference<Map<String, Object>>() {
                }).get("user_id"),
                Collectors.mapping(message -> message.getMessageProperties().getType(), Collectors.toList())));
            assertThat(typesByUser).hasSize(count)
                .allSatisfy((user, types) -> assertThat(types).containsExactly("user_created", "user_deleted"));
            for (String email : emails) {
                assertThat(findUserByEmail(email)).isNull();
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void publishedRowsPastRetentionAreDeletedAndUnpublishedOnesKept() {
        User user = users.register(new CreateUser("Retained", uniqueEmail("retention")), "retention-test");
        eventually().until(() -> count("published_at IS NOT NULL AND ordering_key = 'user-" + user.id() + "'") == 1);
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO outbox (message_id, exchange, routing_key, body, created_at, available_at)
                VALUES ('retention-pending', 'event_exchange', 'user_created', :body, :now, :later)""")
            .param("body", new byte[0])
            .param("now", java.time.OffsetDateTime.now())
            .param("later", java.time.OffsetDateTime.now().plusYears(1))
            .update());
        try {
            new OutboxJanitor(jdbc, Clock.systemUTC(), "outbox", Duration.ZERO, new SimpleMeterRegistry()).deleteExpired();
            assertThat(count("ordering_key = 'user-" + user.id() + "'")).isZero();
            assertThat(count("message_id = 'retention-pending'")).isEqualTo(1);
        } finally {
            jdbc.sql("DELETE FROM outbox WHERE message_id = 'retention-pending'").update();
        }
    }

    private long count(String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE " + condition).query(Long.class).single();
    }

    private static String body(Message message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }
}
