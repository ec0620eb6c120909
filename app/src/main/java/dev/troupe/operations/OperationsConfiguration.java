package dev.troupe.operations;

import dev.troupe.topology.Flow;
import dev.troupe.messaging.Queues;
import dev.troupe.messaging.internal.Subscriptions;
import dev.troupe.topology.Topology;
import dev.troupe.operations.amqp.ParkedMessageCollector;
import dev.troupe.operations.web.AdminAccessFilter;
import dev.troupe.operations.web.ParkedMessagesController;
import dev.troupe.outbox.Outbox;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Operating the choreography: parked messages collected, listed, replayed; in every process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationsSettings.class)
public class OperationsConfiguration {

    @Bean
    ParkedMessages parkedMessages(JdbcClient jdbc, JsonMapper json, Outbox outbox, Clock clock, Flow flow,
                                  Subscriptions subscriptions, ObjectProvider<ReplayRewrite> rewrites) {
        return new ParkedMessages(jdbc, json, outbox, clock, java.util.Set.copyOf(consumerQueues(flow, subscriptions)),
            rewrites.orderedStream().toList());
    }

    /** Starts with the {@code @RabbitListener} containers, or not: {@code spring.rabbitmq.listener.simple.auto-startup}. */
    @Bean
    SimpleMessageListenerContainer parkedMessageCollector(ConnectionFactory connectionFactory, ParkedMessages parked,
                                                          Flow flow, Subscriptions subscriptions, RabbitProperties rabbit) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setAutoStartup(rabbit.getListener().getSimple().isAutoStartup());
        container.setQueueNames(consumerQueues(flow, subscriptions).stream().map(Queues::parkingQueueOf).toArray(String[]::new));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setPrefetchCount(50);
        container.setMessageListener(new ParkedMessageCollector(parked));
        return container;
    }

    @Bean
    ParkedMessagesController parkedMessagesController(ParkedMessages parked) {
        return new ParkedMessagesController(parked);
    }

    @Bean
    FilterRegistrationBean<AdminAccessFilter> adminAccessFilter(OperationsSettings settings, JsonMapper json) {
        FilterRegistrationBean<AdminAccessFilter> registration =
            new FilterRegistrationBean<>(new AdminAccessFilter(settings.token(), json));
        registration.addUrlPatterns("/admin/*");
        return registration;
    }

    /** Every queue whose consumer parks: those of the topology, and the subscribers' of this process, once each. */
    private static List<String> consumerQueues(Flow flow, Subscriptions subscriptions) {
        Set<String> queues = new LinkedHashSet<>(Topology.consumerQueues(flow));
        queues.addAll(subscriptions.queues());
        return List.copyOf(queues);
    }
}
