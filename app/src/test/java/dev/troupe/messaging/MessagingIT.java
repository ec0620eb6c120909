package dev.troupe.messaging;

import dev.troupe.messaging.internal.Inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.messaging.parking.ParkedMessage;
import dev.troupe.support.ExpectedChannelErrors;
import dev.troupe.support.TroupeIT;
import dev.troupe.topology.Topology;
import dev.troupe.users.User;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The consumers against the broker: the seed's bodies without content type, commands applied
 * through the users service, bad messages parked with their reason while the queue keeps flowing,
 * and publishing that fails loudly when the broker does not take a message.
 */
class MessagingIT extends TroupeIT {

    @Autowired
    ConfirmedPublisher publisher;

    @Test
    void aCreateUserCommandCreatesTheUserAndLeadsToOneMail() {
        String email = uniqueEmail("both");
        publishRaw(Topology.CREATE_USER, "{\"name\": \"Both Queues\", \"email\": \"" + email + "\"}");
        eventually().until(() -> findUserByEmail(email) != null);
        eventually().until(() -> mailsTo(email).size() == 1);
    }

    @Test
    void aDeleteUserCommandDeletesTheUser() {
        String email = uniqueEmail("delete");
        publishRaw(Topology.CREATE_USER, "{\"name\": \"To Delete\", \"email\": \"" + email + "\"}");
        User user = eventually().until(() -> findUserByEmail(email), found -> found != null);
        publishRaw(Topology.DELETE_USER, "{\"user_id\": \"" + user.id() + "\"}");
        eventually().until(() -> findUserByEmail(email) == null);
    }

    @Test
    void anUnparseableMessageIsParkedWithItsReasonAndTheNextOneIsProcessed() {
        String poisonId = publishRaw(Topology.CREATE_USER, "{this is not json");
        String email = uniqueEmail("after-poison");
        publishRaw(Topology.CREATE_USER, "{\"name\": \"After Poison\", \"email\": \"" + email + "\"}");

        ParkedMessage parked = awaitParked(Topology.CREATE_USER_OPERATION_QUEUE, poisonId);
        assertThat(parked.body()).isEqualTo("{this is not json");
        assertThat(parked.routingKey()).isEqualTo(Topology.CREATE_USER);
        assertThat(parked.reason()).startsWith("unreadable CreateUser: ");
        assertThat(parked.exceptionClass()).isEqualTo(PermanentMessageFailure.class.getName());
        eventually().until(() -> findUserByEmail(email) != null);
        eventually().until(() -> mailsTo(email).size() == 1);
    }

    @Test
    void aCommandFailingValidationIsParkedWithTheViolation() {
        String invalidId = publishRaw(Topology.DELETE_USER, "{\"user_id\": null}");
        ParkedMessage parked = awaitParked(Topology.DELETE_USER_OPERATION_QUEUE, invalidId);
        assertThat(parked.reason()).isEqualTo("invalid delete_user: userId must not be null");
        assertThat(parked.exceptionClass()).isEqualTo(PermanentMessageFailure.class.getName());
    }

    /** The HTTP API's rules for a name and an address hold for a command over the broker too. */
    @Test
    void aCreateUserWithAnUnreadableNameOrAnAlteredAddressIsParkedWithTheRule() {
        String overridden = publishRaw(Topology.CREATE_USER,
            "{\"name\": \"Evil\\u202Egnp.exe\", \"email\": \"" + uniqueEmail("rlo") + "\"}");
        String altered = publishRaw(Topology.CREATE_USER, "{\"name\": \"V1\", \"email\": \"\\u4e76ictim@example.org\"}");

        assertThat(awaitParked(Topology.CREATE_USER_OPERATION_QUEUE, overridden).reason())
            .isEqualTo("invalid create_user: name " + dev.troupe.events.ReadableNames.RULE);
        assertThat(awaitParked(Topology.CREATE_USER_OPERATION_QUEUE, altered).reason())
            .isEqualTo("invalid create_user: email " + dev.troupe.events.EmailAddresses.RULE);
        assertThat(findUserByEmail("victim@example.org")).isNull();
    }

    @Test
    void aDeleteUserWithAMalformedIdIsParkedWithTheReason() {
        String numeric = publishRaw(Topology.DELETE_USER, "{\"user_id\": 42}");
        String malformed = publishRaw(Topology.DELETE_USER, "{\"user_id\": \"not-a-uuid\"}");
        assertThat(awaitParked(Topology.DELETE_USER_OPERATION_QUEUE, numeric).reason()).contains("UUID");
        ParkedMessage parked = awaitParked(Topology.DELETE_USER_OPERATION_QUEUE, malformed);
        assertThat(parked.reason()).contains("UUID").contains("not-a-uuid");
        assertThat(parked.body()).isEqualTo("{\"user_id\": \"not-a-uuid\"}");
    }

    @Test
    void anUnroutablePublishFails() {
        Message message = new Message("{}".getBytes(StandardCharsets.UTF_8));
        message.getMessageProperties().setMessageId(UUID.randomUUID().toString());
        assertThatThrownBy(() -> publisher.publish(Topology.EXCHANGE, "no_queue_is_bound_to_this", message))
            .isInstanceOf(PublishFailedException.class);
    }

    @Test
    void aPublishToAMissingExchangeFails() {
        Message message = new Message("{}".getBytes(StandardCharsets.UTF_8));
        message.getMessageProperties().setMessageId(UUID.randomUUID().toString());
        assertThatThrownBy(() -> publisher.publish(ExpectedChannelErrors.MISSING_EXCHANGE_PREFIX + UUID.randomUUID(), "x", message))
            .isInstanceOf(PublishFailedException.class);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void anInboxForgetsMessagesPastItsRetention() {
        java.time.Clock weekAgo = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(-8));
        Inbox old = new Inbox(jdbc, weekAgo, "troupe_inbox");
        Inbox today = new Inbox(jdbc, java.time.Clock.systemUTC(), "troupe_inbox");
        Message oldMessage = messageWithId("retention-old-" + UUID.randomUUID());
        Message newMessage = messageWithId("retention-new-" + UUID.randomUUID());
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            assertThat(old.firstDelivery("retention-test", oldMessage)).isTrue();
            assertThat(today.firstDelivery("retention-test", newMessage)).isTrue();
        });

        today.deleteOlderThan(java.time.Duration.ofDays(7));

        tx.executeWithoutResult(status -> {
            assertThat(today.firstDelivery("retention-test", oldMessage)).as("forgotten").isTrue();
            assertThat(today.firstDelivery("retention-test", newMessage)).as("remembered").isFalse();
        });
    }

    private static Message messageWithId(String id) {
        Message message = new Message(new byte[0]);
        message.getMessageProperties().setMessageId(id);
        return message;
    }

    /** Publishes like the seed's pika code: a JSON body and no content type. Returns the message id. */
    private String publishRaw(String routingKey, String body) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(null);
        properties.setMessageId(UUID.randomUUID().toString());
        publisher.publish(Topology.EXCHANGE, routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
        return properties.getMessageId();
    }
}
