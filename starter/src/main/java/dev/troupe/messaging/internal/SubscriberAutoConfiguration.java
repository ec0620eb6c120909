package dev.troupe.messaging.internal;

import dev.troupe.messaging.Subscriber;

import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.MessagingSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code @Subscriber}s: their inbox, their queues and bindings (derived from the subscriber
 * classes), and one listener endpoint each, on the listener container factory of
 * {@link ListenerAutoConfiguration}.
 */
@AutoConfiguration(after = {ListenerAutoConfiguration.class, RabbitAutoConfiguration.class})
public class SubscriberAutoConfiguration {

    /** The one inbox of every subscriber: written by the listeners, trimmed by the housekeeping. */
    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(JdbcClient jdbc, Clock clock, MessagingSettings settings) {
        return new Inbox(jdbc, clock, settings.schema().inboxTable());
    }

    @Bean
    Subscriptions subscriptions(ApplicationContext context) {
        return new Subscriptions(context);
    }

    /** The subscribers' queues, bindings and parking queues, derived from the subscriber classes. */
    @Bean
    Declarables subscriberTopology(Subscriptions subscriptions, MessagingSettings settings) {
        return subscriptions.declarables(settings.queueType());
    }

    @Bean
    SubscriberEndpoints subscriberEndpoints(ApplicationContext context, Subscriptions subscriptions, Inbox inbox,
                                            Envelopes envelopes, LocalValidatorFactoryBean validator,
                                            PlatformTransactionManager transactions, RabbitTemplate rabbit,
                                            JsonMapper json, FailureAdvice failureAdvice,
                                            ObjectProvider<MeterRegistry> meters, MessagingSettings settings,
                                            MessageObservations observations) {
        return new SubscriberEndpoints(context, subscriptions, new SubscriberMachinery(inbox, envelopes, validator,
            new TransactionTemplate(transactions), new Replies(rabbit, json), failureAdvice, Meters.of(meters),
            settings.lagWindow(), observations));
    }
}
