package dev.troupe.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.RpcClient;
import dev.troupe.outbox.Outbox;
import dev.troupe.outbox.OutgoingMessage;
import dev.troupe.outbox.internal.OutboxAutoConfiguration;
import dev.troupe.outbox.internal.OutboxJanitor;
import dev.troupe.outbox.internal.OutboxRelay;
import dev.troupe.messaging.api.RoutedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.aopalliance.aop.Advice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's auto-configurations, each as a user meets it: what a plain application gets, what
 * backs off when the application defines its own bean of a seam's type, and what a property
 * switches off. On H2 in memory with no broker connection: nothing here connects (listeners do
 * not start), so this is the wiring alone; StarterIT runs the same on the servers.
 */
class AutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class, ValidationAutoConfiguration.class,
            RabbitAutoConfiguration.class, MessagingAutoConfiguration.class, ListenerAutoConfiguration.class,
            RequestReplyAutoConfiguration.class, SubscriberAutoConfiguration.class, OutboxAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1",
            "spring.rabbitmq.publisher-confirm-type=correlated", "spring.rabbitmq.publisher-returns=true",
            "spring.rabbitmq.template.mandatory=true", "spring.rabbitmq.listener.simple.auto-startup=false");

    @Test
    void aPlainApplicationGetsTheWholeMachinery() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ConfirmedPublisher.class)).isInstanceOf(TemplateConfirmedPublisher.class);
            assertThat(context.getBean(RpcClient.class)).isInstanceOf(TemplateRpcClient.class);
            assertThat(context.getBean(Outbox.class)).isInstanceOf(dev.troupe.outbox.internal.JdbcOutbox.class);
            assertThat(context).hasSingleBean(Envelopes.class).hasSingleBean(Inbox.class).hasSingleBean(Parking.class)
                .hasSingleBean(MessageObservations.class).hasSingleBean(OutboxRelay.class)
                .hasSingleBean(OutboxJanitor.class).hasSingleBean(Housekeeping.class).hasSingleBean(MessagingSchema.class)
                .hasSingleBean(SubscriberEndpoints.class).hasSingleBean(PublishingSafety.class);
            assertThat(context.getBean(MessageConverter.class).getClass().getSimpleName()).isEqualTo("JacksonJsonMessageConverter");
        });
    }

    /** The factory Spring Boot would make is replaced by one whose listeners all have the failure advice. */
    @Test
    void everyListenerGetsTheFailureAdvice() {
        runner.run(context -> {
            SimpleRabbitListenerContainerFactory factory =
                context.getBean("rabbitListenerContainerFactory", SimpleRabbitListenerContainerFactory.class);
            assertThat(factory.getAdviceChain()).extracting(Advice::getClass).containsExactly((Class) FailureAdvice.class);
        });
    }

    @Test
    void theRelayIsSwitchedOffByItsProperty() {
        runner.withPropertyValues("troupe.outbox.relay-enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OutboxRelay.class).doesNotHaveBean("postgresWakeUps");
            assertThat(context).hasSingleBean(Outbox.class);
        });
    }

    static Stream<Arguments> seams() {
        return Stream.<Seam<?>>of(
            new Seam<>(Clock.class, () -> Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
            new Seam<>(MessageConverter.class, () -> new SimpleMessageConverter()),
            new Seam<>(Envelopes.class, () -> new Envelopes(JsonMapper.builder().build())),
            new Seam<>(ConfirmedPublisher.class, () -> (exchange, key, message) -> { }),
            new Seam<>(Parking.class, () -> new Parking((exchange, key, message) -> { }, new SimpleMeterRegistry())),
            new Seam<>(MessageObservations.class, () -> MessageObservations.NONE),
            new Seam<>(RpcClient.class, () -> new NoRpc()),
            new Seam<>(Outbox.class, () -> new NoOutbox()),
            new Seam<>(Housekeeping.class, () -> new Housekeeping(List.of())))
            .map(seam -> Arguments.of(seam.type().getSimpleName(), seam));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seams")
    <T> void anApplicationsOwnBeanTakesThePlaceOfTheStarters(String name, Seam<T> seam) {
        T own = seam.make().get();
        runner.withBean(seam.type(), () -> own).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(seam.type())).isSameAs(own);
        });
    }

    record Seam<T>(Class<T> type, Supplier<T> make) {
    }

    private static final class NoRpc implements RpcClient {
        @Override
        public <T> T call(String queue, Object request, Class<T> replyType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AsyncRabbitTemplate template() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class NoOutbox implements Outbox {
        @Override
        public void publish(RoutedEvent event, String correlationId) {
        }

        @Override
        public void add(OutgoingMessage message) {
        }
    }
}
