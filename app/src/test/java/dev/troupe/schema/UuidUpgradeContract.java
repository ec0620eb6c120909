package dev.troupe.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.TroupeApplication;
import dev.troupe.embedded.MailCatcher;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upgrade without loss: a database written with numeric user ids (the schema up to version 6,
 * filled as that version filled it) opens with this version. Users keep their order under their
 * new UUIDs, every reference follows, a pending event is published with the new id and reaches
 * every subscriber, a parked message replays with the new id, and inbox rows stay.
 */
abstract class UuidUpgradeContract {

    private static final String A_EVENT = "11111111-0000-4000-8000-000000000001";
    private static final String B_EVENT = "11111111-0000-4000-8000-000000000002";
    private static final String A_REQUEST = "request-a";
    private static final String B_REQUEST = "request-b";
    private static final String C_REQUEST = "request-c";
    private static final String POISON = "{\"user_id\": 1, this is no JSON";

    private final JsonMapper json = JsonMapper.builder().build();

    /** The JDBC URL of an empty database (or schema) of the test's own. */
    protected abstract String url();

    protected abstract String user();

    /** The vendor's own migrations folder, as Spring Boot's {vendor} placeholder would resolve it. */
    protected abstract String vendorLocation();

    /** The schema to create for the test, where the database is shared; null for a database of its own. */
    protected String schema() {
        return null;
    }

    protected void dropDatabase() {
    }

    /** What the upgrade leaves to restore from, where the database cannot undo a half-done change. */
    protected void assertBackedUp() {
    }

    @Test
    void aDatabaseWithNumericIdsOpensWithEveryReferenceCarriedAndPendingEventsCarryingTheNewIds() {
        FluentConfiguration previousVersion = Flyway.configure().dataSource(url(), user(), "")
            .locations("classpath:db/migration/common", vendorLocation()).target("6");
        if (schema() != null) {
            previousVersion.schemas(schema()).defaultSchema(schema());
        }
        previousVersion.load().migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url(), user(), ""));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String emailA = "ada-" + suffix + "@example.com";
        String emailB = "bob-" + suffix + "@example.com";
        long parkedId = writtenByTheNumericVersion(jdbc, emailA, emailB);

        try (ConfigurableApplicationContext app = start()) {
            RestTestClient http = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port")).build();
            Map<Long, UUID> ids = jdbc.sql("SELECT old_id, new_id FROM user_id_upgrade").query(
                    (rs, row) -> Map.entry(rs.getLong(1), rs.getObject(2, UUID.class))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            // 9 is named only by an event still in the outbox
            assertThat(ids).containsOnlyKeys(1L, 2L, 3L, 9L);
            assertBackedUp();
            UUID a = ids.get(1L);
            UUID b = ids.get(2L);
            UUID c = ids.get(3L);
            assertThat(List.of(a, b, c)).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));

            // the users, in their old order, under their new ids
            List<Map<String, Object>> users = page(http);
            assertThat(users).extracting(user -> user.get("id")).containsExactly(a.toString(), b.toString());
            assertThat(users).extracting(user -> user.get("name")).containsExactly("Ada", "Bob");
            assertThat(a.toString()).isLessThan(b.toString()).isLessThan(c.toString());

            // every reference follows, the deleted user's included
            assertThat(coupon(http, a)).containsEntry("status", "active").containsEntry("user_id", a.toString());
            assertThat(coupon(http, c)).containsEntry("status", "revoked");
            assertThat(jdbc.sql("SELECT user_id FROM mail_ledger WHERE event_id <> :bob AND user_id IS NOT NULL ORDER BY event_id").param("bob", B_EVENT)
                .query(UUID.class).list())
                .containsExactly(a, c);
            assertThat(request(http, A_REQUEST)).containsEntry("user_id", a.toString());
            assertThat(request(http, C_REQUEST)).containsEntry("user_id", c.toString()).containsEntry("status", "deleted");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM troupe_inbox WHERE consumer = 'coupons' AND message_id = :id").param("id", A_EVENT)
                .query(Long.class).single()).isOne();
            assertThat(jdbc.sql("SELECT user_id FROM mail_ledger WHERE event_id = 'naive-1'").query(UUID.class).optional())
                .as("a naive-flow ledger row names no user, before and after").isEmpty();
            assertThat(jdbc.sql("SELECT body FROM parked_messages WHERE message_id = 'parked-poison'").query(byte[].class)
                .single()).as("a body that is no JSON is left as it was").isEqualTo(POISON.getBytes());

            // a retry waiting in the outbox (to the mailer's queue) is sent with the new id
            eventually().until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox WHERE exchange = '' AND message_id = :id"
                + " AND published_at IS NOT NULL").param("id", A_EVENT).query(Long.class).single() == 1);
            assertThat(read(jdbc.sql("SELECT body FROM outbox WHERE exchange = '' AND message_id = :id").param("id", A_EVENT)
                .query(byte[].class).single())).containsEntry("user_id", a.toString());
            assertThat(jdbc.sql("SELECT ordering_key FROM outbox WHERE message_id = 'deleted-nine'").query(String.class)
                .single()).isEqualTo("user-" + ids.get(9L));

            // Bob's event was still in the outbox: published after the upgrade, with his new id
            MailCatcher mail = app.getBean(MailCatcher.class);
            eventually().until(() -> mail.mails().stream().anyMatch(m -> m.to().contains(emailB)));
            eventually().until(() -> request(http, B_REQUEST), status -> "created".equals(status.get("status")));
            assertThat(request(http, B_REQUEST)).containsEntry("user_id", b.toString());
            eventually().until(() -> coupon(http, b), coupon -> "active".equals(coupon.get("status")));
            Map<String, Object> published = read(jdbc.sql("SELECT body FROM outbox WHERE message_id = :id")
                .param("id", B_EVENT).query(byte[].class).single());
            assertThat(published).containsEntry("user_id", b.toString()).containsEntry("event_id", B_EVENT);
            assertThat(jdbc.sql("SELECT ordering_key FROM outbox WHERE message_id = :id").param("id", B_EVENT)
                .query(String.class).single()).isEqualTo("user-" + b);

            // a delete_user parked before the upgrade names Ada by her new id: replayed, it deletes her
            http.post().uri("/admin/parked/{id}/replay", parkedId).exchange().expectStatus().isAccepted();
            eventually().until(() -> http.get().uri("/users/{id}", a).exchange().returnResult(String.class)
                .getStatus().value() == 404);
            eventually().until(() -> coupon(http, a), coupon -> "revoked".equals(coupon.get("status")));

            // a delete_user still in the broker from before the upgrade names Bob by his old number:
            // its consumer parks it; replayed, it names him by his new id and deletes him
            String stale = "stale-delete-" + UUID.randomUUID();
            org.springframework.amqp.core.Message message = new org.springframework.amqp.core.Message(
                "{\"user_id\": 2}".getBytes(), new org.springframework.amqp.core.MessageProperties());
            message.getMessageProperties().setMessageId(stale);
            app.getBean(org.springframework.amqp.rabbit.core.RabbitTemplate.class).send("event_exchange", "delete_user", message);
            long staleId = eventually().until(() -> jdbc.sql("SELECT id FROM parked_messages WHERE message_id = :id")
                .param("id", stale).query(Long.class).optional(), java.util.Optional::isPresent).get();
            http.post().uri("/admin/parked/{id}/replay", staleId).exchange().expectStatus().isAccepted();
            eventually().until(() -> http.get().uri("/users/{id}", b).exchange().returnResult(String.class)
                .getStatus().value() == 404);
        } finally {
            dropDatabase();
        }
    }

    /**
     * What version 6 left behind: Ada (1) registered, mailed, with a coupon, and a parked deletion
     * of hers; Bob (2) registered, his user_created not yet relayed; Carl (3) registered, mailed and
     * deleted. The bodies are the JSON that version wrote.
     */
    private long writtenByTheNumericVersion(JdbcClient jdbc, String emailA, String emailB) {
        OffsetDateTime t0 = OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC);
        insertUser(jdbc, "Ada", emailA, t0);
        insertUser(jdbc, "Bob", emailB, t0.plusSeconds(60));
        insertUser(jdbc, "Carl", "carl@example.com", t0.plusSeconds(120));
        jdbc.sql("DELETE FROM users WHERE name = 'Carl'").update();

        jdbc.sql("INSERT INTO coupons (user_id, code, issued_at) VALUES (1, 'WELCOME-AAAAAAAAAA', :t)").param("t", t0).update();
        jdbc.sql("INSERT INTO coupons (user_id, code, issued_at, revoked_at) VALUES (3, 'WELCOME-CCCCCCCCCC', :t, :t)")
            .param("t", t0.plusSeconds(180)).update();
        jdbc.sql("INSERT INTO coupons_inbox (consumer, message_id, processed_at) VALUES ('coupons', :id, :t)")
            .param("id", A_EVENT).param("t", t0).update();
        for (Object[] ledger : new Object[][] {{A_EVENT, 1, emailA}, {"11111111-0000-4000-8000-000000000003", 3, "carl@example.com"}}) {
            jdbc.sql("""
                    INSERT INTO mail_ledger (event_id, user_id, email, outcome, smtp_message_id, recorded_at)
                    VALUES (:event, :user, :email, 'SENT', :smtp, :t)""")
                .param("event", ledger[0]).param("user", ledger[1]).param("email", ledger[2])
                .param("smtp", "<" + ledger[0] + "@troupe>").param("t", t0).update();
        }
        request(jdbc, A_REQUEST, "registration", "created", 1L, t0);
        request(jdbc, B_REQUEST, "registration", "pending", null, t0);
        request(jdbc, C_REQUEST, "deletion", "deleted", 3L, t0);

        String bobCreated = "{\"event_id\":\"" + B_EVENT + "\",\"user_id\":2,\"name\":\"Bob\",\"email\":\"" + emailB
            + "\",\"occurred_at\":\"2026-11-30T09:01:00Z\"}";
        jdbc.sql("""
                INSERT INTO outbox (message_id, exchange, routing_key, type, correlation_id, ordering_key, content_type,
                                    body, created_at, available_at)
                VALUES (:id, 'event_exchange', 'user_created', 'user_created', :request, 'user-2', 'application/json',
                        :body, :t, :t)""")
            .param("id", B_EVENT).param("request", B_REQUEST).param("body", bobCreated.getBytes()).param("t", t0).update();
        jdbc.sql("""
                INSERT INTO mail_ledger (event_id, user_id, email, outcome, smtp_message_id, recorded_at)
                VALUES ('naive-1', NULL, 'naive@example.com', 'SENT', '<naive-1@troupe>', :t)""").param("t", t0).update();
        // a retry of Ada's user_created for the mailer, and a user_deleted of a user no table names any more
        String adaCreated = "{\"event_id\":\"" + A_EVENT + "\",\"user_id\":1,\"name\":\"Ada\",\"email\":\"" + emailA
            + "\",\"occurred_at\":\"2026-11-30T09:00:00Z\"}";
        jdbc.sql("""
                INSERT INTO outbox (message_id, exchange, routing_key, type, ordering_key, headers, content_type,
                                    body, created_at, available_at)
                VALUES (:id, '', 'user_created_mail_queue', 'user_created', NULL, '{"x-attempts":1}', 'application/json',
                        :body, :t, :t)""")
            .param("id", A_EVENT).param("body", adaCreated.getBytes()).param("t", t0).update();
        jdbc.sql("""
                INSERT INTO outbox (message_id, exchange, routing_key, type, ordering_key, content_type, body, created_at,
                                    available_at)
                VALUES ('deleted-nine', 'event_exchange', 'user_deleted', 'user_deleted', 'user-9', 'application/json',
                        :body, :t, :t)""")
            .param("body", "{\"event_id\":\"11111111-0000-4000-8000-000000000009\",\"user_id\":9,\"occurred_at\":\"2026-11-30T09:03:00Z\"}"
                .getBytes()).param("t", t0).update();
        jdbc.sql("""
                INSERT INTO parked_messages (queue, message_id, routing_key, reason, exception_class, attempts,
                                             content_type, body, parked_at)
                VALUES ('create_user_operation_queue', 'parked-poison', 'create_user', 'unreadable', 'x.Y', 1, NULL, :body, :t)""")
            .param("body", POISON.getBytes()).param("t", t0).update();
        jdbc.sql("""
                INSERT INTO parked_messages (queue, message_id, routing_key, reason, exception_class, attempts,
                                             content_type, body, parked_at)
                VALUES ('delete_user_operation_queue', 'parked-delete-a', 'delete_user', 'gave up after 2h',
                        'java.lang.IllegalStateException', 12, 'application/json', :body, :t)""")
            .param("body", "{\"user_id\": 1}".getBytes()).param("t", t0).update();
        return jdbc.sql("SELECT id FROM parked_messages WHERE message_id = 'parked-delete-a'").query(Long.class).single();
    }

    private static void insertUser(JdbcClient jdbc, String name, String email, OffsetDateTime at) {
        jdbc.sql("INSERT INTO users (name, email, created_at) VALUES (:name, :email, :t)")
            .param("name", name).param("email", email).param("t", at).update();
    }

    private static void request(JdbcClient jdbc, String id, String kind, String status, Long userId, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO gateway_requests (id, kind, status, user_id, created_at, updated_at)
                VALUES (:id, :kind, :status, :user, :t, :t)""")
            .param("id", id).param("kind", kind).param("status", status).param("user", userId, java.sql.Types.BIGINT)
            .param("t", at).update();
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of(
            "--server.port=0",
            "--spring.datasource.url=" + url(),
            "--spring.datasource.username=" + user(),
            "--troupe.embedded.data-dir=./target/it-data/upgrade-" + UUID.randomUUID(),
            "--troupe.messaging.rpc-timeout=1s"));
        return new SpringApplicationBuilder(TroupeApplication.class).run(args.toArray(String[]::new));
    }

    private List<Map<String, Object>> page(RestTestClient http) {
        Map<String, Object> page = read(http.get().uri("/users/").exchange().expectStatus().isOk()
            .returnResult(byte[].class).getResponseBody());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items;
    }

    private Map<String, Object> coupon(RestTestClient http, UUID user) {
        return read(http.get().uri("/coupons?user_id={id}", user).exchange().expectStatus().isOk()
            .returnResult(byte[].class).getResponseBody());
    }

    private Map<String, Object> request(RestTestClient http, String id) {
        return read(http.get().uri("/external_users/requests/{id}", id).exchange().expectStatus().isOk()
            .returnResult(byte[].class).getResponseBody());
    }

    private Map<String, Object> read(byte[] body) {
        return json.readValue(body, new TypeReference<>() {
        });
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }
}
