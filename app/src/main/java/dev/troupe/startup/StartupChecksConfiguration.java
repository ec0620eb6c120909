package dev.troupe.startup;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The start-up checks of the shared parts. The database needs none (Flyway connects at start-up
 * anyway); the SMTP check belongs to the mailer service and is wired there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StartupSettings.class)
public class StartupChecksConfiguration {

    /** Only for a real broker: the embedded one is started in process and is up before anyone connects. */
    @Bean
    @ConditionalOnAnySet({"spring.rabbitmq.host", "spring.rabbitmq.addresses"})
    @ConditionalOnBooleanProperty(name = "troupe.startup.check-broker", matchIfMissing = true)
    BrokerCheck brokerCheck(ConnectionFactory connections, RabbitConnectionDetails details, StartupSettings settings) {
        return new BrokerCheck(connections, details, settings.brokerWait());
    }
}
