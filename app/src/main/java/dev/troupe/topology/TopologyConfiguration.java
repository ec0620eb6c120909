package dev.troupe.topology;

import dev.troupe.messaging.MessagingSettings;
import org.springframework.amqp.core.Declarables;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The seed's exchange, queues and bindings, declared by every process of the user-management system. */
@Configuration(proxyBeanMethods = false)
public class TopologyConfiguration {

    /** {@code troupe.flow}: reliable (default) or naive. */
    @Bean
    Flow flow(Environment environment) {
        return Binder.get(environment).bind("troupe.flow", Flow.class).orElse(Flow.RELIABLE);
    }

    @Bean
    Declarables topology(Flow flow, MessagingSettings settings) {
        return Topology.declarables(flow, settings.queueType());
    }
}
