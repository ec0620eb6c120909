package dev.troupe.operations;

import dev.troupe.messaging.parking.ParkedMessage;
import dev.troupe.messaging.parking.ParkingHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.internal.Parking;
import dev.troupe.messaging.Queues;
import dev.troupe.topology.Topology;
import dev.troupe.support.TroupeIT;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.annotation.Autowired;

/** Parked messages through the admin API: listed with their reason, replayed to their queue, or discarded. */
class ParkingIT extends TroupeIT {

    @Autowired
    ConfirmedPublisher publisher;

    @Test
    void aPoisonMessageIsParkedTheQueueKeepsFlowingAndAReplayIsProcessed() {
        String poisonId = send(Topology.EXCHANGE, Topology.CREATE_USER, "{\"name\": \"Unfinished\"", null);
        String email = uniqueEmail("flowing");
        send(Topology.EXCHANGE, Topology.CREATE_USER, "{\"name\": \"Flowing\", \"email\": \"" + email + "\"}", null);
        ParkedMessage poison = awaitParked(Topology.CREATE_USER_OPERATION_QUEUE, poisonId);
        assertThat(poison.attempts()).isEqualTo(1);
        eventually().until(() -> findUserByEmail(email) != null);

        // a message parked after giving up (say, a long outage), now fixable: replay sends it back to its queue
        String replayEmail = uniqueEmail("replayed");
        String parkedId = send("", Queues.parkingQueueOf(Topology.CREATE_USER_OPERATION_QUEUE),
            "{\"name\": \"Replayed\", \"email\": \"" + replayEmail + "\"}", "gave up after 2h");
        ParkedMessage parked = awaitParked(Topology.CREATE_USER_OPERATION_QUEUE, parkedId);
        assertThat(parked.reason()).isEqualTo("gave up after 2h");

        http.post().uri("/admin/parked/{id}/replay", parked.id()).exchange().expectStatus().isAccepted();
        eventually().until(() -> findUserByEmail(replayEmail) != null);
        assertThat(parked(Topology.CREATE_USER_OPERATION_QUEUE)).noneMatch(message -> message.id() == parked.id());
        http.post().uri("/admin/parked/{id}/replay", parked.id()).exchange().expectStatus().isNotFound();
    }

    @Test
    void aParkedSeedMessageWithoutIdCanBeReplayedAndAQueueWithoutConsumerIsRefused() {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(null);
        properties.setHeader(ParkingHeaders.REASON, "seed message, no id");
        properties.setHeader(ParkingHeaders.ORIGINAL_QUEUE, Topology.CREATE_USER_OPERATION_QUEUE);
        String email = uniqueEmail("seed-replay");
        publisher.publish("", Queues.parkingQueueOf(Topology.CREATE_USER_OPERATION_QUEUE), new Message(
            ("{\"name\": \"Seed\", \"email\": \"" + email + "\"}").getBytes(StandardCharsets.UTF_8), properties));
        ParkedMessage parked = eventually().until(() -> parked(Topology.CREATE_USER_OPERATION_QUEUE).stream()
            .filter(message -> message.body().contains(email)).findFirst().orElse(null), found -> found != null);
        assertThat(parked.messageId()).startsWith("sha256:");
        http.post().uri("/admin/parked/{id}/replay", parked.id()).exchange().expectStatus().isAccepted();
        eventually().until(() -> findUserByEmail(email) != null);

        String orphanId = send("", Queues.parkingQueueOf(Topology.CREATE_USER_OPERATION_QUEUE), "{}", "orphan");
        ParkedMessage orphan = awaitParked(Topology.CREATE_USER_OPERATION_QUEUE, orphanId);
        jdbcMoveToQueue(orphan.id(), "create_user_mail_queue");
        http.post().uri("/admin/parked/{id}/replay", orphan.id()).exchange().expectStatus().isEqualTo(409);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void jdbcMoveToQueue(long id, String queue) {
        jdbc.sql("UPDATE parked_messages SET queue = :queue WHERE id = :id").param("queue", queue).param("id", id).update();
    }

    @Test
    void aParkedMessageCanBeDiscarded() {
        String id = send(Topology.EXCHANGE, Topology.DELETE_USER, "[not an object]", null);
        ParkedMessage parked = awaitParked(Topology.DELETE_USER_OPERATION_QUEUE, id);
        http.delete().uri("/admin/parked/{id}", parked.id()).exchange().expectStatus().isNoContent();
        assertThat(parked(Topology.DELETE_USER_OPERATION_QUEUE)).noneMatch(message -> message.id() == parked.id());
        http.delete().uri("/admin/parked/{id}", parked.id()).exchange().expectStatus().isNotFound();
    }

    private String send(String exchange, String routingKey, String body, String parkedReason) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(null);
        properties.setMessageId(UUID.randomUUID().toString());
        if (parkedReason != null) {
            properties.setHeader(ParkingHeaders.REASON, parkedReason);
            properties.setHeader(ParkingHeaders.ORIGINAL_QUEUE, Topology.CREATE_USER_OPERATION_QUEUE);
            properties.setHeader("x-attempts", 42);
        }
        publisher.publish(exchange, routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
        return properties.getMessageId();
    }
}
