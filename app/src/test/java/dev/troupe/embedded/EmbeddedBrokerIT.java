package dev.troupe.embedded;

import dev.troupe.support.EmbeddedServers;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The embedded broker keeps durable queues and persistent messages across a restart, in its data folder. */
@EmbeddedServers
class EmbeddedBrokerIT {

    @Test
    void aPersistentMessageSurvivesARestart() throws Exception {
        Path workDir = Files.createTempDirectory(Path.of("target"), "broker-restart");
        int port = FreePort.any();
        EmbeddedBroker broker = new EmbeddedBroker(port, workDir);
        broker.start();
        broker.awaitStarted();
        try (Connection connection = connect(port); Channel channel = connection.createChannel()) {
            channel.queueDeclare("survivor", true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "survivor", MessageProperties.PERSISTENT_TEXT_PLAIN,
                "still here".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5000);
        } finally {
            broker.stop();
        }

        EmbeddedBroker restarted = new EmbeddedBroker(port, workDir);
        restarted.start();
        restarted.awaitStarted();
        try (Connection connection = connect(port); Channel channel = connection.createChannel()) {
            GetResponse response = channel.basicGet("survivor", true);
            assertThat(response).isNotNull();
            assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("still here");
        } finally {
            restarted.stop();
        }
    }

    private static Connection connect(int port) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername(EmbeddedBroker.USERNAME);
        factory.setPassword(EmbeddedBroker.PASSWORD);
        return factory.newConnection();
    }
}
