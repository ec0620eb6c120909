package dev.troupe.embedded;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded broker when no RabbitMQ is configured, and hands its address to Spring
 * Boot's RabbitMQ auto-configuration as connection details: the broker is started before the
 * first connection because the connection details depend on it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnUnset({"spring.rabbitmq.host", "spring.rabbitmq.addresses"})
public class EmbeddedBrokerConfiguration {

    /**
     * Quorum queues are RabbitMQ's: Qpid refuses the declaration and closes the connection, so the
     * start is refused here, before any listener would retry that forever.
     */
    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedBroker embeddedBroker(EmbeddedSettings settings, Environment environment) {
        if ("quorum".equalsIgnoreCase(environment.getProperty("troupe.messaging.queue-type", "").strip())) {
            throw new QuorumNeedsRabbitMqException();
        }
        return new EmbeddedBroker(FreePort.preferring(settings.brokerPort()), Path.of(settings.dataDir(), "broker"));
    }

    @Bean
    RabbitConnectionDetails embeddedBrokerConnectionDetails(EmbeddedBroker broker) {
        return new RabbitConnectionDetails() {
            @Override
            public String getUsername() {
                return EmbeddedBroker.USERNAME;
            }

            @Override
            public String getPassword() {
                return EmbeddedBroker.PASSWORD;
            }

            @Override
            public List<Address> getAddresses() {
                return List.of(new Address("127.0.0.1", broker.port()));
            }
        };
    }
}
