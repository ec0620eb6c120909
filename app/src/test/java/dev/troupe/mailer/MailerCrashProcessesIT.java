package dev.troupe.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.harness.ServiceProcess;
import dev.troupe.harness.SmtpSink;
import dev.troupe.mailer.amqp.UserCreatedMailListener;
import dev.troupe.support.RealServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * One mail through a crash: the mailer, a process of its own, killed (SIGKILL) half way through a
 * batch of welcome mails, and started again. Before each mail's ledger row committed on its own, the
 * whole batch was one transaction and every mail it had sent went out again (the same Message-ID
 * twice). Now only a mail in flight between the server's acceptance and its row's commit can: the
 * kill here lands while the next mail waits at the (slow) server's RCPT answer, when every mail
 * accepted so far has committed, so none may go again. One consumer, so that the 40 events queued
 * while the mailer was down come as one batch. Real servers only: the processes share RabbitMQ and
 * PostgreSQL.
 */
@EnabledIfEnvironmentVariable(named = RealServers.SWITCH, matches = "true")
class MailerCrashProcessesIT {

    /** The build under test; {@code -Dtroupe.test.jar=…} runs the same test against another (an older one, to compare). */
    private static final Path JAR = Path.of(System.getProperty("troupe.test.jar", "target/troupe.jar"));
    private static final int REGISTRATIONS = 40;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SmtpSink sink = new SmtpSink();
    private ServiceProcess core;
    private ServiceProcess mailer;

    @AfterEach
    void stopAll() {
        for (ServiceProcess process : new ServiceProcess[] {mailer, core}) {
            if (process != null) {
                process.close();
            }
        }
        sink.close();
    }

    @Test
    void aMailerKilledMidBatchSendsNoMailTwice() throws Exception {
        assertThat(JAR).as("the packaged jar (mvn verify packages it first)").exists();
        sink.pace(Duration.ofMillis(150)); // a batch of 40 then takes seconds to send: the kill lands inside it
        core = start("gateway,users,user-commands,coupons");
        mailer = start(MailerConfiguration.NAME);
        core.awaitHealthy(Duration.ofSeconds(180));
        mailer.awaitHealthy(Duration.ofSeconds(180));
        mailer.stop(); // its queue declared, the events wait there while it is down

        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = IntStream.range(0, REGISTRATIONS).mapToObj(i -> "crash-" + tag + "-" + i + "@example.com").toList();
        List<UUID> users = emails.stream().map(this::register).toList();
        mailer.restart();
        await().until(() -> mailed(emails) >= 8 && sink.pausing() > 0);
        mailer.kill();
        long mailedAtTheKill = mailed(emails);
        mailer.restart();

        await().until(() -> mailed(emails) == REGISTRATIONS);
        // settled once the mailer's inbox holds every event: nothing of theirs can come again
        await().until(() -> processedByTheMailer(users) == REGISTRATIONS);
        long resent = emails.stream().mapToLong(email -> sink.arrival(email).count().get() - sink.arrival(email).distinct()).sum();
        System.out.printf("mailer killed with %d of %d mailed; %d mails sent again after the restart%n",
            mailedAtTheKill, REGISTRATIONS, resent);
        assertThat(mailedAtTheKill).as("killed mid-batch").isBetween(8L, (long) REGISTRATIONS - 1);
        assertThat(emails).allSatisfy(email -> assertThat(sink.arrival(email).distinct()).isEqualTo(1));
        assertThat(resent).as("mails sent again (same Message-ID) after the kill").isZero();
    }

    private ServiceProcess start(String services) throws IOException {
        return ServiceProcess.start(JAR, services, List.of("-Xmx384m"), List.of("--troupe.mailer.concurrency=1",
            "--spring.rabbitmq.host=" + RealServers.Initializer.rabbitHost(),
            "--spring.datasource.url=" + RealServers.Initializer.postgresUrl(),
            "--spring.datasource.username=" + RealServers.Initializer.postgresUser(),
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + sink.port()), Path.of("target", "processes", "mailer-crash-" + services + ".log"));
    }

    private UUID register(String email) {
        try {
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(core.base() + "/users/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Crash\",\"email\":\"" + email + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return UUID.fromString(created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long mailed(List<String> emails) {
        return emails.stream().filter(email -> sink.arrival(email) != null).count();
    }

    /** How many of these users' user_created the mailer's inbox holds: each a committed batch. */
    private long processedByTheMailer(List<UUID> users) throws SQLException {
        try (Connection connection = DriverManager.getConnection(RealServers.Initializer.postgresUrl(),
                RealServers.Initializer.postgresUser(), "");
             PreparedStatement query = connection.prepareStatement("""
                 SELECT count(*) FROM troupe_inbox i JOIN outbox o ON o.message_id = i.message_id
                 WHERE i.consumer = ? AND o.routing_key = 'user_created' AND o.ordering_key = ANY (?)""")) {
            query.setString(1, UserCreatedMailListener.ID);
            query.setArray(2, connection.createArrayOf("varchar", users.stream().map(id -> "user-" + id).toArray()));
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static org.awaitility.core.ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100));
    }
}
