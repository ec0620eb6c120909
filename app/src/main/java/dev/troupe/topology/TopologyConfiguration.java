package dev.troupe.topology;

import dev.troupe.messaging.MessagingSettings;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The seed's exchange, queues and bindings, declared by every process of the user-management system. */
@Configuration(proxyBeanMethods = false)
public class TopologyConfiguration {

    /** The listener container factory of the seed's consumers ({@code troupe.flow=naive}). */
    public static final String NAIVE_LISTENERS = "naiveListenerFactory";

    /** {@code troupe.flow}: reliable (default) or naive. */
    @Bean
    Flow flow(Environment environment) {
        return Binder.get(environment).bind("troupe.flow", Flow.class).orElse(Flow.RELIABLE);
    }

    /**
     * The seed's consumers as pika ran them ({@code auto_ack=True}): the broker forgets a message
     * once it is delivered, whatever becomes of it; no retry, no parking, no inbox. What they had
     * fetched and not yet handled dies with them. The reliable flow's listeners use the starter's
     * factory instead (acknowledged after the commit, retried, parked).
     */
    @Bean(NAIVE_LISTENERS)
    @ConditionalOnProperty(name = "troupe.flow", havingValue = "naive")
    SimpleRabbitListenerContainerFactory naiveListenerFactory(ConnectionFactory connections) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        factory.setConnectionFactory(connections);
        factory.setAcknowledgeMode(AcknowledgeMode.NONE);
        factory.setDefaultRequeueRejected(false);
        return factory;
    }

    @Bean
    Declarables topology(Flow flow, MessagingSettings settings) {
        return Topology.declarables(flow, settings.queueType());
    }
}
