package dev.troupe.messaging;

import dev.troupe.messaging.internal.TemplateConfirmedPublisher;
import dev.troupe.messaging.internal.BatchPublisher;
import dev.troupe.messaging.internal.Confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * On this machine's RabbitMQ, a queue that refuses every publish ({@code x-overflow=reject-publish},
 * no room) makes the broker nack: the channel that was nacked is closed rather than put back in the
 * cache, and the single-message publisher tries once more on a new one. (Real RabbitMQ only: the
 * embedded broker has no such overflow policy.) What this mends, a channel that nacks every publish
 * after a quorum leader's node died, is exercised on a cluster by {@code troupe scenario broker-node-loss}.
 */
@EnabledIfSystemProperty(named = "troupe.test.servers", matches = "real")
class NackedChannelIT {

    private final String full = "troupe-nack-full-" + UUID.randomUUID();
    private final String open = "troupe-nack-open-" + UUID.randomUUID();
    private final AtomicInteger channelsOpened = new AtomicInteger();
    private CachingConnectionFactory connections;
    private RabbitTemplate template;
    private RabbitAdmin admin;

    @BeforeEach
    void brokerWithAFullQueue() {
        String host = System.getenv().getOrDefault("TROUPE_RABBITMQ_HOST", "127.0.0.1");
        connections = new CachingConnectionFactory(host, 5672);
        connections.setUsername("guest");
        connections.setPassword("guest");
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connections.setPublisherReturns(true);
        connections.addChannelListener((channel, transactional) -> channelsOpened.incrementAndGet());
        template = new RabbitTemplate(connections);
        template.setMandatory(true);
        admin = new RabbitAdmin(connections);
        admin.declareQueue(QueueBuilder.nonDurable(full).maxLength(0).overflow(QueueBuilder.Overflow.rejectPublish).build());
        admin.declareQueue(QueueBuilder.nonDurable(open).build());
    }

    @AfterEach
    void dropThem() {
        admin.deleteQueue(full);
        admin.deleteQueue(open);
        connections.destroy();
    }

    @Test
    void aNackedChannelIsClosedAndTheNextPublishGetsANewOne() {
        BatchPublisher publisher = new BatchPublisher(template, Duration.ofSeconds(10));

        assertThat(publish(publisher, open).kind()).isEqualTo(Confirmation.Kind.CONFIRMED);
        int opened = channelsOpened.get();
        assertThat(publish(publisher, open).kind()).isEqualTo(Confirmation.Kind.CONFIRMED);
        assertThat(channelsOpened).as("a confirmed publish's channel is cached and used again").hasValue(opened);

        assertThat(publish(publisher, full).kind()).isEqualTo(Confirmation.Kind.REFUSED);
        assertThat(publish(publisher, open).kind()).isEqualTo(Confirmation.Kind.CONFIRMED);
        assertThat(channelsOpened).as("the nacked channel was closed, the next publish opened another")
            .hasValue(opened + 1);
        assertThat(admin.getQueueInfo(open).getMessageCount()).isEqualTo(3);
    }

    @Test
    void aRefusedMessageIsTriedOnceMoreOnANewChannelThenReported() {
        ConfirmedPublisher publisher = new TemplateConfirmedPublisher(template, Duration.ofSeconds(10));
        publisher.publish("", open, message());
        int opened = channelsOpened.get();

        assertThatThrownBy(() -> publisher.publish("", full, message()))
            .isInstanceOf(PublishFailedException.class).hasMessageContaining("broker refused");
        assertThat(channelsOpened).as("the first try on the cached channel, the second on a new one")
            .hasValue(opened + 1);

        publisher.publish("", open, message());
        assertThat(channelsOpened).as("the second try's channel was closed too").hasValue(opened + 2);
        assertThat(admin.getQueueInfo(open).getMessageCount()).isEqualTo(2);
    }

    private Confirmation publish(BatchPublisher publisher, String queue) {
        return publisher.publish(List.of(new BatchPublisher.Outgoing("", queue, message()))).get(0);
    }

    private static Message message() {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        return new Message("{}".getBytes(), properties);
    }
}
