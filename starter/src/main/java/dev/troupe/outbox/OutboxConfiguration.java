package dev.troupe.outbox;

import dev.troupe.messaging.BatchPublisher;
import dev.troupe.messaging.MessagingSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The transactional outbox: its writer everywhere, its relay in every process that wants one. */
@AutoConfiguration
@EnableConfigurationProperties(OutboxSettings.class)
public class OutboxConfiguration {

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, Clock clock, ObjectProvider<OutboxRelay> relay) {
        return new Outbox(jdbc, json, clock, () -> relay.ifAvailable(OutboxRelay::wake));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "troupe.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions, RabbitTemplate rabbit,
                            JsonMapper json, OutboxSettings settings, MessagingSettings messaging, Clock clock,
                            MeterRegistry meters) {
        return new OutboxRelay(new OutboxTable(jdbc, clock), new TransactionTemplate(transactions),
            new BatchPublisher(rabbit, messaging.confirmTimeout()), json, settings, meters);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "troupe.outbox.relay-enabled", matchIfMissing = true)
    PostgresWakeUps postgresWakeUps(DataSource dataSource, OutboxRelay relay) {
        return new PostgresWakeUps(dataSource, relay::wake);
    }

    @Bean
    OutboxRedelivery outboxRedelivery(Outbox outbox, PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        return new OutboxRedelivery(outbox, template);
    }

    @Bean
    OutboxJanitor outboxJanitor(JdbcClient jdbc, Clock clock, OutboxSettings settings, MeterRegistry meters) {
        return new OutboxJanitor(jdbc, clock, settings.retention(), meters);
    }

}
