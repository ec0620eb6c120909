package dev.troupe.messaging.internal;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.MessagingSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.amqp.rabbit.annotation.EnableRabbit;
import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * How every listener fails: parking, retries through a {@link DelayedRedelivery} (the outbox's),
 * and the listener container factory that gives each listener that advice. Before Spring Boot's
 * Rabbit auto-configuration: its factory takes the place of Boot's, so that every
 * {@code @RabbitListener} of the application has the same failure handling as the subscribers.
 */
@AutoConfiguration(before = RabbitAutoConfiguration.class, after = MessagingAutoConfiguration.class)
@EnableRabbit
public class ListenerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Parking parking(ConfirmedPublisher publisher, ObjectProvider<MeterRegistry> meters) {
        return new Parking(publisher, Meters.of(meters));
    }

    @Bean
    FailureAdvice failureAdvice(Parking parking, DelayedRedelivery redelivery, MessagingSettings settings, Clock clock,
                                ObjectProvider<MeterRegistry> meters) {
        return new FailureAdvice(parking, redelivery, settings.retry(), clock, Meters.of(meters));
    }

    @Bean
    QuietConsumers quietConsumers() {
        return new QuietConsumers();
    }

    @Bean
    SimpleRabbitListenerContainerFactory rabbitListenerContainerFactory(
        SimpleRabbitListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory,
        FailureAdvice failureAdvice, MessagingSettings settings, QuietConsumers quiet,
        ObjectProvider<ContainerCustomizer<SimpleMessageListenerContainer>> customizers) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setAdviceChain(failureAdvice);
        // applications tune their own listeners (say, one's concurrency) without a factory each
        factory.setContainerCustomizer(container -> {
            batches(container, settings.batch(), quiet);
            MessageObservations.observe(container, settings.observationEnabled());
            customizers.orderedStream().forEach(c -> c.configure(container));
        });
        return factory;
    }

    /**
     * A subscriber's consumer takes its messages in batches (of one, where the size is 1: the same
     * path either way); its prefetch holds two, so that the next batch is on its way while one is
     * processed. Its wait for the next message is short, and long while its queue is quiet
     * ({@link QuietConsumers}).
     */
    private static void batches(SimpleMessageListenerContainer container, MessagingSettings.Batch batch,
                                QuietConsumers quiet) {
        if (container.getMessageListener() instanceof SubscriberListener listener) {
            int size = listener.batchSizeOr(batch.size());
            container.setConsumerBatchEnabled(true);
            container.setBatchSize(size);
            if (size > 1) {
                container.setPrefetchCount(2 * size);
            }
            quiet.watch(container, batch.maxWait());
            container.setBatchReceiveTimeout(Math.max(1, batch.maxWait().toMillis()));
        }
    }

    /** Lets listeners validate their payload with {@code @Valid}, with the same rules as the HTTP API. */
    @Bean
    RabbitListenerConfigurer listenerValidation(LocalValidatorFactoryBean validator) {
        return registrar -> registrar.setValidator(validator);
    }
}
