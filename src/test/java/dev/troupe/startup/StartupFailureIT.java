package dev.troupe.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.troupe.TroupeApplication;
import dev.troupe.embedded.FreePort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each misconfigured part ends the start with Spring Boot's failure analysis, naming the part and
 * what to do, and no stack trace. On this machine's real PostgreSQL and RabbitMQ, but only in ways
 * that never get past the login (a missing database, a dead port, a wrong password or user), so no
 * queue is declared or consumed and no database created. Everything else runs embedded.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void missingDatabaseIsNamedWithHowToCreateIt(CapturedOutput output) {
        String name = "troupe_missing_" + UUID.randomUUID().toString().substring(0, 8);

        String console = failedStart(output,
            "spring.datasource.url=" + POSTGRES + name, "spring.datasource.username=postgres");

        assertAnalysed(console,
            "The database '" + name + "' does not exist on the PostgreSQL server at 127.0.0.1:5432",
            "createdb -h 127.0.0.1 -U postgres " + name,
            "spring.datasource.url");
    }

    @Test
    void unreachableDatabaseServerIsNamed(CapturedOutput output) {
        int dead = FreePort.any();

        String console = failedStart(output,
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + dead + "/test", "spring.datasource.username=postgres");

        assertAnalysed(console,
            "could not connect to the database server at 127.0.0.1:" + dead,
            "Start the database server there",
            "spring.datasource.url");
    }

    @Test
    void refusedDatabaseLoginNamesTheUser(CapturedOutput output) {
        String console = failedStart(output,
            "spring.datasource.url=" + POSTGRES + "test", "spring.datasource.username=nosuchuser");

        assertAnalysed(console,
            "refused the login of user 'nosuchuser' to database 'test'",
            "role \"nosuchuser\" does not exist",
            "spring.datasource.username");
    }

    @Test
    void unreachableBrokerIsNamed(CapturedOutput output) {
        int dead = FreePort.any();

        String console = failedStart(output,
            "spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=" + dead, "troupe.startup.broker-wait=1s");

        assertAnalysed(console,
            "could not connect to the RabbitMQ broker at 127.0.0.1:" + dead,
            "Connection refused",
            "spring.rabbitmq.host");
    }

    @Test
    void refusedBrokerLoginNamesTheUser(CapturedOutput output) {
        String console = failedStart(output,
            "spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672",
            "spring.rabbitmq.username=guest", "spring.rabbitmq.password=wrong-" + UUID.randomUUID());

        assertAnalysed(console,
            "The RabbitMQ broker at 127.0.0.1:5672 refused the login of user 'guest'",
            "ACCESS_REFUSED",
            "spring.rabbitmq.password");
    }

    @Test
    void refusedSmtpLoginNamesTheUser(CapturedOutput output) {
        GreenMail smtp = smtpRequiringLogin("right", "secret");
        try {
            int port = smtp.getSmtp().getPort();

            String console = failedStart(output,
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + port,
                "spring.mail.username=right", "spring.mail.password=wrong");

            assertAnalysed(console,
                "The SMTP server at 127.0.0.1:" + port + " refused the login of user 'right'",
                "535",
                "spring.mail.password");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void smtpServerDownAtStartupOnlyWarns(CapturedOutput output) {
        int dead = FreePort.any();

        try (ConfigurableApplicationContext context = start(
            "spring.mail.host=127.0.0.1", "spring.mail.port=" + dead,
            "spring.mail.username=right", "spring.mail.password=secret")) {

            assertThat(context.isActive()).isTrue();
            assertThat(output.getAll())
                .contains("WARN")
                .contains("SMTP server 127.0.0.1:" + dead + " not usable at start-up")
                .doesNotContain("APPLICATION FAILED TO START");
        }
    }

    @Test
    void httpPortInUseNamesTheProperty(CapturedOutput output) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            int port = taken.getLocalPort();

            String console = failedStart(output, "server.port=" + port);

            assertAnalysed(console, "port " + port + " is already in use", "server.port", "SERVER_PORT");
        }
    }

    /** A real SMTP server that offers AUTH and accepts only the one user's password. */
    private static GreenMail smtpRequiringLogin(String user, String password) {
        ServerSetup setup = new ServerSetup(FreePort.any(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail smtp = new GreenMail(setup).withConfiguration(GreenMailConfiguration.aConfig().withUser(user, password));
        smtp.start();
        return smtp;
    }

    private static String failedStart(CapturedOutput output, String... properties) {
        assertThatThrownBy(() -> start(properties).close()).isInstanceOf(Exception.class);
        return output.getAll();
    }

    private static ConfigurableApplicationContext start(String... properties) {
        Map<String, String> all = new LinkedHashMap<>();
        Stream.concat(Stream.of(
                "server.port=0",
                "troupe.embedded.data-dir=./target/it-data/" + UUID.randomUUID(),
                // each failure within seconds, not the drivers' default minute
                "spring.datasource.hikari.connection-timeout=2000",
                "spring.rabbitmq.connection-timeout=2s",
                "spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "spring.mail.properties.mail.smtp.timeout=2000"), Stream.of(properties))
            .map(property -> property.split("=", 2))
            .forEach(pair -> all.put(pair[0], pair[1]));
        // as command-line arguments (each once: a repeated one would be joined with a comma), because
        // builder properties are only defaults, below application.properties' own H2 URL
        return new SpringApplicationBuilder(TroupeApplication.class)
            .run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static void assertAnalysed(String console, String... expected) {
        assertThat(console).contains("APPLICATION FAILED TO START", "Description:", "Action:").contains(expected);
        // the analysis replaces the stack trace: not a single frame on the console
        assertThat(console).doesNotContainPattern("(?m)^\\tat ");
    }
}
