package dev.troupe.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.annotation.EnableRabbit;
import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/** What every service shares to talk over the broker: topology, JSON, confirmed publishing, parking. */
@Configuration(proxyBeanMethods = false)
@EnableRabbit
@EnableConfigurationProperties(MessagingSettings.class)
public class MessagingConfiguration {

    @Bean
    Declarables topology() {
        return Topology.declarables();
    }

    /**
     * Bodies without a content type (the seed's publishers send none) are read as JSON, into the
     * listener method's parameter type; a Java type header, if any, is ignored.
     */
    @Bean
    MessageConverter messageConverter(JsonMapper json) {
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter(json);
        converter.setAssumeSupportedContentType(true);
        converter.setAlwaysConvertToInferredType(true);
        return converter;
    }

    @Bean
    Envelopes envelopes(JsonMapper json) {
        return new Envelopes(json);
    }

    @Bean
    ConfirmedPublisher confirmedPublisher(RabbitTemplate template, MessagingSettings settings) {
        return new ConfirmedPublisher(template, settings.confirmTimeout());
    }

    @Bean
    Parking parking(ConfirmedPublisher publisher, MeterRegistry meters) {
        return new Parking(publisher, meters);
    }

    @Bean
    SimpleRabbitListenerContainerFactory rabbitListenerContainerFactory(
        SimpleRabbitListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory, Parking parking) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setAdviceChain(new ParkingAdvice(parking));
        return factory;
    }

    /** Lets listeners validate their payload with {@code @Valid}, with the same rules as the HTTP API. */
    @Bean
    RabbitListenerConfigurer listenerValidation(LocalValidatorFactoryBean validator) {
        return registrar -> registrar.setValidator(validator);
    }
}
