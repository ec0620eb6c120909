package dev.troupe.embedded;

import java.nio.file.Path;
import java.util.List;
import com.rabbitmq.client.SocketConfigurator;
import org.springframework.beans.factory.SmartInitializingSingleton;
import com.rabbitmq.client.SocketConfigurators;
import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded broker when no RabbitMQ is configured, and hands its address to Spring
 * Boot's RabbitMQ auto-configuration as connection details. The broker starts in the background
 * while the rest of the context does; the first connection waits for it.
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

    /**
     * Once every bean is made, before any listener starts, the start-up waits for the broker: one
     * that could not start fails the application with its reason, as before, not with connections
     * retried forever.
     */
    @Bean
    SmartInitializingSingleton embeddedBrokerReady(EmbeddedBroker broker) {
        return () -> {
            try {
                broker.awaitStarted();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e.getCause() != null ? e.getCause() : e);
            }
        };
    }

    /** Every connection to it waits, before its socket connects, until the broker started in the background listens. */
    @Bean
    ConnectionFactoryCustomizer embeddedBrokerStarted(EmbeddedBroker broker) {
        SocketConfigurator defaults = SocketConfigurators.defaultConfigurator();
        return factory -> factory.setSocketConfigurator(socket -> {
            broker.awaitStarted();
            defaults.configure(socket);
        });
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
