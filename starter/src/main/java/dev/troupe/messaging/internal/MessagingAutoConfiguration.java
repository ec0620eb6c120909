package dev.troupe.messaging.internal;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.MessagingSettings;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every part of the machinery shares: its tables, the clock, JSON on the wire, the start-up
 * check of publishing, confirmed publishing and the observations. Before Spring Boot's Rabbit
 * auto-configuration, so that Boot's template takes this message converter.
 */
@AutoConfiguration(before = RabbitAutoConfiguration.class)
@EnableConfigurationProperties(MessagingSettings.class)
public class MessagingAutoConfiguration {

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
        return new TemplateConfirmedPublisher(template, settings.confirmTimeout());
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
        return template -> MessageObservations.observe(template, settings.observationEnabled());
    }
}
