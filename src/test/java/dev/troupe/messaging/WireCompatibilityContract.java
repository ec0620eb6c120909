package dev.troupe.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.troupe.support.TroupeIT;
import dev.troupe.users.User;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed's wire contract, checked with the plain RabbitMQ Java client and no Troupe code: the
 * seed's exact body, routing key and exchange, no properties at all, as its pika publisher sends.
 */
abstract class WireCompatibilityContract extends TroupeIT {

    @Autowired
    org.springframework.amqp.rabbit.connection.ConnectionFactory troupeBroker;

    @Test
    void aSeedPublisherGetsTheUserCreatedAndTheMailSent() throws Exception {
        String email = uniqueEmail("seed");
        String seedBody = "{\"name\": \"Seed Publisher\", \"email\": \"" + email + "\"}";

        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(troupeBroker.getHost());
        factory.setPort(troupeBroker.getPort());
        factory.setUsername("guest");
        factory.setPassword("guest");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.basicPublish("event_exchange", "create_user", null, seedBody.getBytes(StandardCharsets.UTF_8));
        }

        User user = eventually().until(() -> findUserByEmail(email), found -> found != null);
        assertThat(user.name()).isEqualTo("Seed Publisher");
        eventually().until(() -> mailsTo(email).size() == 1);
    }
}
