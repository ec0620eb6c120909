package dev.troupe.messaging.parking.internal;

import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.Queues;
import dev.troupe.messaging.internal.SubscriberAutoConfiguration;
import dev.troupe.messaging.parking.ParkedMessages;
import dev.troupe.messaging.parking.ReplayRewrite;
import dev.troupe.outbox.Outbox;
import dev.troupe.outbox.internal.OutboxAutoConfiguration;
import java.time.Clock;
import java.util.Set;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parked messages collected into a table, with their API and, in a servlet web application, their
 * endpoints; only with {@code troupe.messaging.parking.collect=true}. The queues are those this
 * process declares with a parking queue beside them (its subscribers' and its own declared ones).
 */
@AutoConfiguration(after = {SubscriberAutoConfiguration.class, OutboxAutoConfiguration.class})
@ConditionalOnBooleanProperty("troupe.messaging.parking.collect")
public class ParkingAutoConfiguration {

    @Bean
    ParkedQueues parkedQueues(ApplicationContext context) {
        return ParkedQueues.declaredIn(context);
    }

    @Bean
    @ConditionalOnMissingBean(ParkedMessages.class)
    JdbcParkedMessages parkedMessages(JdbcClient jdbc, JsonMapper json, Outbox outbox, Clock clock, ParkedQueues queues,
                                      ObjectProvider<ReplayRewrite> rewrites, MessagingSettings settings) {
        return new JdbcParkedMessages(jdbc, json, outbox, clock, Set.copyOf(queues.consumerQueues()),
            rewrites.orderedStream().toList(), settings.schema().parkedTable());
    }

    /**
     * Drains the parking queues; starts with the {@code @RabbitListener} containers, or not
     * ({@code spring.rabbitmq.listener.simple.auto-startup}). Acknowledged only once stored.
     */
    @Bean
    @ConditionalOnMissingBean(name = "parkedMessageCollector")
    SimpleMessageListenerContainer parkedMessageCollector(ConnectionFactory connectionFactory, JdbcParkedMessages parked,
                                                          ParkedQueues queues, RabbitProperties rabbit) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setAutoStartup(rabbit.getListener().getSimple().isAutoStartup());
        container.setQueueNames(queues.consumerQueues().stream().map(Queues::parkingQueueOf).toArray(String[]::new));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setPrefetchCount(50);
        container.setMessageListener(new ParkedMessageCollector(parked));
        return container;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestController")
    @ConditionalOnBooleanProperty(name = "troupe.messaging.parking.endpoints", matchIfMissing = true)
    static class Endpoints {

        @Bean
        ParkedMessagesController parkedMessagesController(ParkedMessages parked) {
            return new ParkedMessagesController(parked);
        }
    }
}
