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
class WireCompatibilityIT extends TroupeIT {

    @Autowired
    org.springframework.amqp.rabbit.connection.ConnectionFactory troupeBroker;

    @Test
    void aSeedPublisherGetsTheUserCreatedAndTheMailSent() throws Exception {
        String email = uniqueEmail("seed");
        String seedBody = "{\"name\": \"Seed Publisher\", \"email\": \"" + email + "\"}";

        publishAsTheSeed("create_user", seedBody);

        User user = eventually().until(() -> findUserByEmail(email), found -> found != null);
        assertThat(user.name()).isEqualTo("Seed Publisher");
        eventually().until(() -> mailsTo(email).size() == 1);
    }

    /** The seed's delete_user body, {"user_id": "<the string the users API gave>"}, deletes the user. */
    @Test
    void aSeedPublisherDeletesAUserByItsStringId() throws Exception {
        String email = uniqueEmail("seed-delete");
        User user = postJson("/users/", java.util.Map.of("name", "Seed Deleted", "email", email))
            .expectStatus().isCreated().expectBody(User.class).returnResult().getResponseBody();
        assertThat(user.id().toString()).matches(UUID_V7);

        publishAsTheSeed("delete_user", "{\"user_id\": \"" + user.id() + "\"}");

        eventually().until(() -> findUserByEmail(email) == null);
        http.get().uri("/users/{id}", user.id()).exchange().expectStatus().isNotFound();
    }

    private void publishAsTheSeed(String routingKey, String body) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(troupeBroker.getHost());
        factory.setPort(troupeBroker.getPort());
        factory.setUsername("guest");
        factory.setPassword("guest");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.basicPublish("event_exchange", routingKey, null, body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
