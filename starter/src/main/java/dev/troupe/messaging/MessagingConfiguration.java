package dev.troupe.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import java.time.Clock;
import java.time.Duration;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.annotation.EnableRabbit;
import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service shares to talk over the broker: JSON, confirmed publishing, parking, retries,
 * request/reply and the subscribers' listeners. Before Spring Boot's own: its listener container
 * factory takes the place of Boot's, with the failure advice every listener needs.
 */
@AutoConfiguration(before = RabbitAutoConfiguration.class)
@EnableRabbit
@EnableConfigurationProperties(MessagingSettings.class)
public class MessagingConfiguration {

    private static final String APPLICATION_FLYWAY = "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer";

    /**
     * The machinery's own tables, by its own migrations, through the application's Flyway
     * connection where it has one ({@code spring.flyway.user} may be the schema's owner where the
     * application's own user may not create tables), else the application's data source.
     */
    @Bean
    @ConditionalOnMissingBean
    MessagingSchema messagingSchema(DataSource dataSource, ObjectProvider<Flyway> flyway, MessagingSettings settings) {
        Flyway application = flyway.getIfUnique();
        return new MessagingSchema(application != null ? application.getConfiguration().getDataSource() : dataSource,
            settings.schema());
    }

    /** Never lazy: nothing asks for it, and the tables must be there before the listeners and the relay start. */
    @Bean
    static LazyInitializationExcludeFilter messagingSchemaIsEager() {
        return LazyInitializationExcludeFilter.forBeanTypes(MessagingSchema.class);
    }

    /**
     * The application's Flyway runs first: its older migrations may have created the machinery's
     * tables themselves (Troupe's did), which the starter's scripts then find and keep.
     */
    @Bean
    static BeanFactoryPostProcessor messagingSchemaAfterApplicationFlyway() {
        return factory -> {
            ClassLoader loader = factory.getBeanClassLoader();
            if (!factory.containsBeanDefinition("messagingSchema") || !ClassUtils.isPresent(APPLICATION_FLYWAY, loader)) {
                return;
            }
            String[] flyways = factory.getBeanNamesForType(ClassUtils.resolveClassName(APPLICATION_FLYWAY, loader), true, false);
            BeanDefinition schema = factory.getBeanDefinition("messagingSchema");
            String[] dependsOn = schema.getDependsOn() == null ? new String[0] : schema.getDependsOn();
            schema.setDependsOn(StringUtils.concatenateStringArrays(dependsOn, flyways));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Metrics go to the application's registry; without one (no actuator), to Micrometer's global registry. */
    public static MeterRegistry meters(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(() -> Metrics.globalRegistry);
    }

    /**
     * Bodies without a content type (the seed's publishers send none) are read as JSON, into the
     * listener method's parameter type; a Java type header, if any, is ignored.
     */
    @Bean
    @ConditionalOnMissingBean
    MessageConverter messageConverter(JsonMapper json) {
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter(json);
        converter.setAssumeSupportedContentType(true);
        converter.setAlwaysConvertToInferredType(true);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    Envelopes envelopes(JsonMapper json) {
        return new Envelopes(json);
    }

    /** Checked while the context starts: without confirms and mandatory returns the guarantees do not hold. */
    @Bean
    PublishingSafety publishingSafety(RabbitTemplate template) {
        return new PublishingSafety(template);
    }

    @Bean
    @ConditionalOnMissingBean
    ConfirmedPublisher confirmedPublisher(RabbitTemplate template, MessagingSettings settings) {
        return new ConfirmedPublisher(template, settings.confirmTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    Parking parking(ConfirmedPublisher publisher, ObjectProvider<MeterRegistry> meters) {
        return new Parking(publisher, meters(meters));
    }

    @Bean
    FailureAdvice failureAdvice(Parking parking, DelayedRedelivery redelivery, MessagingSettings settings, Clock clock,
                                ObjectProvider<MeterRegistry> meters) {
        return new FailureAdvice(parking, redelivery, settings.retry(), clock, meters(meters));
    }

    @Bean
    SimpleRabbitListenerContainerFactory rabbitListenerContainerFactory(
        SimpleRabbitListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory,
        FailureAdvice failureAdvice, MessagingSettings settings,
        ObjectProvider<ContainerCustomizer<SimpleMessageListenerContainer>> customizers) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setAdviceChain(failureAdvice);
        // applications tune their own listeners (say, one's concurrency) without a factory each
        factory.setContainerCustomizer(container -> {
            batches(container, settings.batch());
            observed(container, settings);
            customizers.orderedStream().forEach(c -> c.configure(container));
        });
        return factory;
    }

    /**
     * Spring AMQP observes single deliveries ({@code @RabbitListener}s: the RPC responders); a
     * subscriber's batches it cannot, so its listener observes each message itself.
     */
    private static void observed(SimpleMessageListenerContainer container, MessagingSettings settings) {
        if (settings.observationEnabled()) {
            container.setObservationEnabled(true);
            container.setObservationConvention(MessageObservations.Listening.INSTANCE);
        }
    }

    /** The machinery's own observations, on the application's registry. */
    @Bean
    @ConditionalOnMissingBean
    MessageObservations messageObservations(ObjectProvider<ObservationRegistry> registry, MessagingSettings settings) {
        return settings.observationEnabled()
            ? new MessageObservations(registry.getIfAvailable(() -> ObservationRegistry.NOOP)) : MessageObservations.NONE;
    }

    /** Boot's template observes its sends, with the message's ids, so that a trace crosses the broker. */
    @Bean
    RabbitTemplateCustomizer observedSends(MessagingSettings settings) {
        return template -> observed(template, settings);
    }

    private static void observed(RabbitTemplate template, MessagingSettings settings) {
        if (settings.observationEnabled()) {
            template.setObservationEnabled(true);
            template.setObservationConvention(MessageObservations.Sending.INSTANCE);
        }
    }

    /**
     * A subscriber's consumer takes its messages in batches (of one, where the size is 1: the same
     * path either way); its prefetch holds two, so that the next batch is on its way while one is
     * processed.
     */
    private static void batches(SimpleMessageListenerContainer container, MessagingSettings.Batch batch) {
        if (container.getMessageListener() instanceof SubscriberListener listener) {
            int size = listener.batchSizeOr(batch.size());
            container.setConsumerBatchEnabled(true);
            container.setBatchSize(size);
            if (size > 1) {
                container.setPrefetchCount(2 * size);
            }
            container.setReceiveTimeout(Math.max(1, batch.maxWait().toMillis()));
            container.setBatchReceiveTimeout(Math.max(1, batch.maxWait().toMillis()));
        }
    }

    /**
     * This process's own reply queue, gone when its consumer goes. Not exclusive: the embedded
     * broker scopes an exclusive queue to the declaring channel and drops it with that channel.
     */
    @Bean
    Queue replyQueue() {
        return new Queue(Base64UrlNamingStrategy.DEFAULT.generateName().replace("spring.gen-", "troupe.replies."),
            false, false, true);
    }

    /**
     * Its reply container consumes like the {@code @RabbitListener} containers, and starts with
     * them, or not ({@code spring.rabbitmq.listener.simple.auto-startup}).
     */
    @Bean
    AsyncRabbitTemplate rpcTemplate(ConnectionFactory connectionFactory, MessageConverter converter,
                                    Queue replyQueue, MessagingSettings settings, RabbitProperties rabbit,
                                    ApplicationContext context) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setMessageConverter(converter);
        template.setApplicationContext(context); // where its observations find the registry: it is no bean itself
        observed(template, settings);
        SimpleMessageListenerContainer replies = new SimpleMessageListenerContainer(connectionFactory);
        replies.setQueueNames(replyQueue.getName());
        AsyncRabbitTemplate async = new AsyncRabbitTemplate(template, replies, replyQueue.getName());
        // the longest any caller waits; each call bounds its own wait and cancels on giving up
        async.setReceiveTimeout(Duration.ofMinutes(1).toMillis());
        async.setEnableConfirms(true);
        async.setMandatory(true);
        async.setAutoStartup(rabbit.getListener().getSimple().isAutoStartup());
        return async;
    }

    @Bean
    @ConditionalOnMissingBean
    RpcClient rpcClient(AsyncRabbitTemplate rpcTemplate, MessagingSettings settings) {
        return new RpcClient(rpcTemplate, settings.rpcTimeout());
    }

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
        return new SubscriberEndpoints(context, subscriptions, inbox, envelopes, validator,
            new TransactionTemplate(transactions), new Replies(rabbit, json), failureAdvice, meters(meters),
            settings.lagWindow(), observations);
    }

    /** Lets listeners validate their payload with {@code @Valid}, with the same rules as the HTTP API. */
    @Bean
    RabbitListenerConfigurer listenerValidation(LocalValidatorFactoryBean validator) {
        return registrar -> registrar.setValidator(validator);
    }
}
