package dev.troupe.startup;

import dev.troupe.support.EmbeddedServers;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.troupe.embedded.FreePort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each misconfigured part ends the start with Spring Boot's failure analysis, naming the part and
 * what to do, and no stack trace: the parts that need no server of their own (a dead port for the
 * database or the broker, an SMTP server of the test's own, a taken HTTP port). The cases that need
 * the real PostgreSQL and RabbitMQ are in {@link StartupFailureRealIT}.
 */
@EmbeddedServers
class StartupFailureIT extends StartupFailures {

    @Test
    void anUnknownServiceIsRefusedWithTheServicesThereAre(CapturedOutput output) {
        String console = failedStart(output, "troupe.services=users,mailr");

        assertAnalysed(console, "troupe.services names no such service [mailr]",
            "the services are [console, coupons, gateway, mailer, user-commands, users]");
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

    /** Without correlated confirms and mandatory returns a publish could be lost unnoticed: no start. */
    @Test
    void unsafePublishingIsRefusedWithTheSettingsToChange(CapturedOutput output) {
        String console = failedStart(output,
            "spring.rabbitmq.publisher-confirm-type=simple", "spring.rabbitmq.template.mandatory=false");

        assertAnalysed(console,
            "a message could be lost without anyone knowing",
            "spring.rabbitmq.publisher-confirm-type=correlated",
            "spring.rabbitmq.template.mandatory=true");
        assertThat(console).doesNotContain("spring.rabbitmq.publisher-returns=true");
    }

    /** Quorum queues are RabbitMQ's: asked of the embedded broker, the start is refused with what to set. */
    @Test
    void quorumQueuesOnTheEmbeddedBrokerAreRefused(CapturedOutput output) {
        String console = failedStart(output, "troupe.messaging.queue-type=quorum");

        assertAnalysed(console, "the embedded broker", "has no quorum queues", "spring.rabbitmq.host",
            "troupe.messaging.queue-type=classic");
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
}
