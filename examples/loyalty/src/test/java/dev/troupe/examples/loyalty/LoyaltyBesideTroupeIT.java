package dev.troupe.examples.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loyalty service beside Troupe, both as child processes on the real RabbitMQ (127.0.0.1:5672,
 * guest, vhost /) and PostgreSQL (127.0.0.1:5432, postgres), each on a database of its own
 * ({@code troupe_loyalty_it}, {@code loyalty_it}, recreated per run). Users are registered through
 * Troupe's REST API; the loyalty accounts are counted in loyalty's table and its events on a queue of
 * this test's own, bound to {@code loyalty_events}. The tests run in order, each on what the one before
 * left: a batch, deletions, a batch with loyalty killed half way, a poison message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoyaltyBesideTroupeIT {

    static final int USERS = 50;
    static final String TROUPE_DB = "troupe_loyalty_it";
    static final String LOYALTY_DB = "loyalty_it";
    static final String PARKED = Enrolment.QUEUE + ".parked";

    /** Troupe's queues as its README draws them: deleted afterwards if this run created them. */
    static final List<String> TROUPE_QUEUES = List.of("create_user_operation_queue", "delete_user_operation_queue",
        "user_created_mail_queue", "coupons_queue", "gateway_requests_queue", "user_status_queue");

    final String run = Long.toString(System.currentTimeMillis(), 36);
    final String eventsQueue = "loyalty_it_opened_" + run;
    final Path out = Path.of("target", "loyalty-it");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    /** Every loyalty_account_opened seen on our queue: the user's id, and the message id of each copy. */
    final Map<String, List<String>> opened = new ConcurrentHashMap<>();
    final List<AMQP.BasicProperties> openedProperties = new CopyOnWriteArrayList<>();
    final List<String> openedBodies = new CopyOnWriteArrayList<>();
    final List<UUID> firstBatch = new CopyOnWriteArrayList<>();
    final List<UUID> secondBatch = new CopyOnWriteArrayList<>();
    final List<String> queuesWeCreated = new ArrayList<>();

    Broker broker;
    Channel channel;
    ChildProcess troupe;
    ChildProcess loyalty;
    int troupePort;
    int loyaltyPort;
    int loyaltyStarts;

    @BeforeAll
    void startTroupeAndLoyalty() throws Exception {
        Files.createDirectories(out);
        Postgres.recreate(TROUPE_DB);
        Postgres.recreate(LOYALTY_DB);

        broker = Broker.connect();
        channel = broker.channel();
        for (String queue : TROUPE_QUEUES) {
            for (String name : List.of(queue, queue + ".parked")) {
                if (!broker.queueExists(name)) {
                    queuesWeCreated.add(name);
                }
            }
        }
        // a loyalty queue left by a run that died before its clean-up has other runs' user_created in it
        broker.deleteQueue(Enrolment.QUEUE);
        broker.deleteQueue(PARKED);

        // our window on loyalty's events: the exchange declared as loyalty declares it, so both agree
        channel.exchangeDeclare(LoyaltyAccountOpened.EXCHANGE, "direct", true, false, null);
        channel.queueDeclare(eventsQueue, false, true, true, null);
        channel.queueBind(eventsQueue, LoyaltyAccountOpened.EXCHANGE, LoyaltyAccountOpened.KEY);
        Channel consuming = broker.channel();
        consuming.basicConsume(eventsQueue, true, new DefaultConsumer(consuming) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                String text = new String(body, StandardCharsets.UTF_8);
                openedBodies.add(text);
                JsonNode event = json.readTree(text);
                opened.computeIfAbsent(event.path("userId").asString(), user -> new CopyOnWriteArrayList<>())
                    .add(properties.getMessageId());
                openedProperties.add(properties);
            }
        });

        troupePort = ChildProcess.freePort();
        Path troupeDir = out.resolve("troupe");
        troupe = ChildProcess.start("troupe", Path.of(System.getProperty("troupe.jar", "../../app/target/troupe.jar")),
            troupeDir, out.resolve("troupe.log"), List.of(
                "--server.port=" + troupePort,
                "--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.username=guest", "--spring.rabbitmq.password=guest",
                "--spring.datasource.url=" + Postgres.SERVER + TROUPE_DB, "--spring.datasource.username=" + Postgres.USER,
                // the mail stays embedded, on a free port, its data folder ours
                "--troupe.embedded.smtp-port=0", "--troupe.embedded.data-dir=" + troupeDir.toAbsolutePath().resolve("data")));
        awaitHealthy(troupe, troupePort);
        startLoyalty();
    }

    @Test
    @Order(1)
    void eachRegisteredUserGetsOneAccountAndOneEvent() throws Exception {
        for (int i = 0; i < USERS; i++) {
            firstBatch.add(register("first", i));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> accounts(firstBatch) == USERS);
        await().atMost(Duration.ofSeconds(30)).until(() -> copies(firstBatch) >= USERS);
        // and nothing more comes: no second copy of any of them
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> copies(firstBatch) == USERS);

        assertThat(accountsPerUserOtherThanOne(firstBatch)).isZero();
        assertThat(Postgres.count(LOYALTY_DB, "SELECT COUNT(*) FROM loyalty_accounts WHERE points = 100 AND user_id = ANY(CAST(? AS uuid[]))",
            (Object) ids(firstBatch))).isEqualTo(USERS);
        assertThat(outboxRows(firstBatch, false)).isEqualTo(USERS);
        assertThat(outboxRows(firstBatch, true)).as("loyalty outbox rows still unpublished").isZero();
        for (UUID user : firstBatch) {
            assertThat(opened.get(user.toString())).as("events for user %s", user).hasSize(1);
        }
        // the event as it travels: our own route, Spring Boot's camelCase JSON, the event's id as message id
        AMQP.BasicProperties properties = openedProperties.get(0);
        JsonNode body = json.readTree(openedBodies.get(0));
        assertThat(properties.getType()).isEqualTo(LoyaltyAccountOpened.KEY);
        assertThat(properties.getContentType()).isEqualTo("application/json");
        assertThat(properties.getMessageId()).isEqualTo(body.path("eventId").asString());
        assertThat(body.has("openedAt")).as(openedBodies.get(0)).isTrue();
        assertThat(body.has("opened_at")).as(openedBodies.get(0)).isFalse();
        System.out.printf("[loyalty-it] an event as it travels: type %s, app_id %s, %s%n",
            properties.getType(), properties.getAppId(), openedBodies.get(0));
        System.out.printf("[loyalty-it] first batch: %d users registered, %d accounts, %d events%n",
            USERS, accounts(firstBatch), copies(firstBatch));
    }

    @Test
    @Order(2)
    void aDeletedUsersAccountIsClosed() throws Exception {
        List<UUID> deleted = firstBatch.subList(0, 5);
        for (UUID user : deleted) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(troupe("/users/" + user)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Postgres.count(LOYALTY_DB,
            "SELECT COUNT(*) FROM loyalty_accounts WHERE closed_at IS NOT NULL AND user_id = ANY(CAST(? AS uuid[]))",
            (Object) ids(deleted)) == deleted.size());
        assertThat(Postgres.count(LOYALTY_DB,
            "SELECT COUNT(*) FROM loyalty_accounts WHERE closed_at IS NOT NULL AND user_id = ANY(CAST(? AS uuid[]))",
            (Object) ids(firstBatch))).as("only the deleted users' accounts are closed").isEqualTo(deleted.size());
    }

    @Test
    @Order(3)
    void killedHalfWayThroughASecondBatchLoyaltyStillOpensEachAccountOnce() throws Exception {
        ExecutorService registrations = Executors.newSingleThreadExecutor();
        Future<?> registered = registrations.submit(() -> {
            for (int i = 0; i < USERS; i++) {
                secondBatch.add(register("second", i));
            }
            return null;
        });

        // kill -9 as soon as the second batch is under way: what was in flight, or committed and not yet
        // acknowledged or relayed, is what the inbox and the outbox have to get right after the restart
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> accounts(secondBatch) >= 5);
        loyalty.kill();
        long atKill = accounts(secondBatch);
        int registeredAtKill = secondBatch.size();
        long waitingAtKill = broker.messagesIn(Enrolment.QUEUE);
        registered.get(2, TimeUnit.MINUTES);
        registrations.shutdown();
        assertThat(atKill).as("accounts of the second batch when loyalty was killed").isLessThan(USERS);

        startLoyalty();
        List<UUID> everyone = new ArrayList<>(firstBatch);
        everyone.addAll(secondBatch);
        await().atMost(Duration.ofSeconds(60)).until(() -> accounts(secondBatch) == USERS);
        await().atMost(Duration.ofSeconds(30)).until(() -> distinctEvents(everyone) == everyone.size());

        assertThat(accounts(everyone)).isEqualTo(2L * USERS);
        assertThat(accountsPerUserOtherThanOne(everyone)).isZero();
        // exactly one event per user: one outbox row, all of them relayed, one message id on the broker
        assertThat(outboxRows(everyone, false)).isEqualTo(2L * USERS);
        assertThat(outboxRows(everyone, true)).as("loyalty outbox rows still unpublished").isZero();
        for (UUID user : everyone) {
            assertThat(Set.copyOf(opened.get(user.toString()))).as("message ids of user %s's event", user).hasSize(1);
        }
        // a copy more of the same message is the relay's at-least-once (killed between the broker's confirm
        // and its commit); a consumer's inbox drops it by its message id, as loyalty's inbox did Troupe's
        System.out.printf("[loyalty-it] second batch, loyalty killed (kill -9) with %d of %d accounts opened "
                + "(%d users registered by then, %d messages waiting in %s just after the kill): after its restart "
                + "%d accounts and %d events (%d copies on the broker, %d users' event more than once) for %d users; "
                + "redeliveries its inbox dropped after the restart: %s%n",
            atKill, USERS, registeredAtKill, waitingAtKill, Enrolment.QUEUE, accounts(everyone), distinctEvents(everyone),
            copies(everyone), everyone.stream().filter(user -> opened.get(user.toString()).size() > 1).count(),
            everyone.size(), loyaltyMetric("troupe.messaging.duplicates"));
    }

    @Test
    @Order(4)
    void aUserCreatedThatIsNotJsonIsParkedWithItsReason() throws Exception {
        String messageId = "loyalty-it-poison-" + run;
        // straight to loyalty's queue through the default exchange, not to event_exchange: Troupe's own
        // consumers of user_created need no poison from this test; the type says which handler it is for
        channel.basicPublish("", Enrolment.QUEUE, new AMQP.BasicProperties.Builder().messageId(messageId)
            .type("user_created").contentType("application/json").deliveryMode(2).build(),
            "this is not JSON".getBytes(StandardCharsets.UTF_8));

        List<GetResponse> parked = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            GetResponse message = channel.basicGet(PARKED, true);
            if (message != null) {
                parked.add(message);
            }
            return parked.stream().anyMatch(m -> messageId.equals(m.getProps().getMessageId()));
        });

        GetResponse poison = parked.stream().filter(m -> messageId.equals(m.getProps().getMessageId())).findFirst().orElseThrow();
        Map<String, Object> headers = poison.getProps().getHeaders();
        assertThat(String.valueOf(headers.get("x-parked-reason"))).isNotBlank();
        assertThat(String.valueOf(headers.get("x-original-queue"))).isEqualTo(Enrolment.QUEUE);
        assertThat(poison.getProps().getType()).isEqualTo("user_created");
        assertThat(new String(poison.getBody(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON");
        System.out.printf("[loyalty-it] parked in %s: reason \"%s\", exception %s%n",
            PARKED, headers.get("x-parked-reason"), headers.get("x-exception-class"));
    }

    @AfterAll
    void stopAndCleanUp() throws Exception {
        if (loyalty != null) {
            loyalty.stop();
        }
        if (troupe != null) {
            troupe.stop();
        }
        if (broker != null) {
            // the queues are shared with other runs on this machine: leave nothing of ours behind
            broker.deleteQueue(eventsQueue);
            broker.deleteQueue(Enrolment.QUEUE);
            broker.deleteQueue(PARKED);
            broker.deleteExchange(LoyaltyAccountOpened.EXCHANGE);
            for (String queue : queuesWeCreated) {
                broker.deleteQueueIfUnused(queue);
            }
            broker.close();
        }
    }

    private void startLoyalty() {
        loyaltyStarts++;
        loyaltyPort = ChildProcess.freePort();
        loyalty = ChildProcess.start("loyalty", Path.of(System.getProperty("loyalty.jar", "target/loyalty.jar")),
            out.resolve("loyalty"), out.resolve("loyalty-" + loyaltyStarts + ".log"), List.of(
                "--server.port=" + loyaltyPort,
                "--spring.datasource.url=" + Postgres.SERVER + LOYALTY_DB));
        awaitHealthy(loyalty, loyaltyPort);
    }

    private void awaitHealthy(ChildProcess process, int port) {
        await("health of " + process.describe()).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .failFast(process.describe() + " has exited", () -> !process.isAlive())
            .ignoreExceptions()
            .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private UUID register(String batch, int i) throws IOException, InterruptedException {
        String body = "{\"name\":\"Loyal Member %d\",\"email\":\"loyal-%s-%s-%d@example.com\"}".formatted(i, run, batch, i);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(troupe("/users/"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(response.body()).path("id").asString());
    }

    private URI troupe(String path) {
        return URI.create("http://127.0.0.1:" + troupePort + path);
    }

    private long accounts(Collection<UUID> users) throws SQLException {
        return Postgres.count(LOYALTY_DB, "SELECT COUNT(*) FROM loyalty_accounts WHERE user_id = ANY(CAST(? AS uuid[]))",
            (Object) ids(users));
    }

    private long accountsPerUserOtherThanOne(Collection<UUID> users) throws SQLException {
        return Postgres.count(LOYALTY_DB, "SELECT COUNT(*) FROM (SELECT user_id FROM loyalty_accounts"
            + " WHERE user_id = ANY(CAST(? AS uuid[])) GROUP BY user_id HAVING COUNT(*) <> 1) AS odd", (Object) ids(users));
    }

    /** loyalty_account_opened rows in loyalty's outbox for these users; only the unpublished ones if asked. */
    private long outboxRows(Collection<UUID> users, boolean unpublishedOnly) throws SQLException {
        return Postgres.count(LOYALTY_DB, "SELECT COUNT(*) FROM outbox WHERE routing_key = ?"
                + " AND convert_from(body, 'UTF8')::jsonb ->> 'userId' = ANY(?)"
                + (unpublishedOnly ? " AND published_at IS NULL" : ""),
            LoyaltyAccountOpened.KEY, ids(users));
    }

    /** Messages received for these users, every copy counted. */
    private long copies(Collection<UUID> users) {
        return users.stream().mapToLong(user -> opened.getOrDefault(user.toString(), List.of()).size()).sum();
    }

    /** Events received for these users, a message id counted once. */
    private long distinctEvents(Collection<UUID> users) {
        return users.stream().mapToLong(user -> Set.copyOf(opened.getOrDefault(user.toString(), List.of())).size()).sum();
    }

    private Object loyaltyMetric(String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + loyaltyPort + "/actuator/metrics/" + name)).build(), HttpResponse.BodyHandlers.ofString());
            // a counter that never counted is not registered yet: 404 means none
            return response.statusCode() == 404 ? 0 : (long) json.readTree(response.body()).path("measurements").path(0).path("value").asDouble();
        } catch (IOException | InterruptedException e) {
            return "unknown (" + e + ")";
        }
    }

    private static String[] ids(Collection<UUID> users) {
        return users.stream().map(UUID::toString).toArray(String[]::new);
    }
}
