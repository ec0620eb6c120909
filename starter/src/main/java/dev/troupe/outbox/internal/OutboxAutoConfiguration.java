package dev.troupe.outbox.internal;

import dev.troupe.outbox.Outbox;
import dev.troupe.outbox.OutboxSettings;

import dev.troupe.messaging.internal.BatchPublisher;
import dev.troupe.messaging.internal.Housekeeping;
import dev.troupe.messaging.internal.Inbox;
import dev.troupe.messaging.internal.MessagingAutoConfiguration;
import dev.troupe.messaging.internal.Meters;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import dev.troupe.messaging.MessagingSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import dev.troupe.messaging.internal.MessageObservations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The transactional outbox: its writer everywhere, its relay in every process that wants one. */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, RabbitAutoConfiguration.class})
@EnableConfigurationProperties(OutboxSettings.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, Clock clock, MessagingSettings messaging,
                  ObjectProvider<OutboxRelay> relay, MessageObservations observations) {
        return new JdbcOutbox(jdbc, json, clock, messaging.schema().outboxTable(), () -> relay.ifAvailable(OutboxRelay::wake),
            observations);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "troupe.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions, RabbitTemplate rabbit,
                            JsonMapper json, OutboxSettings settings, MessagingSettings messaging, Clock clock,
                            ObjectProvider<MeterRegistry> meters, MessageObservations observations) {
        return new OutboxRelay(new OutboxTable(jdbc, clock, messaging.schema().outboxTable()),
            new TransactionTemplate(transactions), new BatchPublisher(rabbit, messaging.confirmTimeout()), json, settings,
            Meters.of(meters), observations);
    }

    /** Only where the PostgreSQL driver is: elsewhere relays of other processes find new rows by polling. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.postgresql.PGConnection")
    @ConditionalOnBooleanProperty(name = "troupe.outbox.relay-enabled", matchIfMissing = true)
    static class WakeUps {

        @Bean
        PostgresWakeUps postgresWakeUps(DataSource dataSource, MessagingSettings messaging, OutboxRelay relay) {
            return new PostgresWakeUps(dataSource, messaging.schema().wakeUpChannel(), relay::wake);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRedelivery outboxRedelivery(Outbox outbox, PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        return new OutboxRedelivery(outbox, template);
    }

    /** The clean-ups of the outbox and the inbox, on the starter's own scheduler. */
    @Bean
    @ConditionalOnMissingBean
    Housekeeping troupeHousekeeping(OutboxJanitor outbox, Inbox inbox, OutboxSettings settings,
                                    MessagingSettings messaging) {
        return new Housekeeping(List.of(
            new Housekeeping.Chore("outbox clean-up", settings.cleanupInterval(), outbox::deleteExpired),
            new Housekeeping.Chore("inbox clean-up", Duration.ofHours(1),
                () -> inbox.deleteOlderThan(messaging.inboxRetention()))));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxJanitor outboxJanitor(JdbcClient jdbc, Clock clock, OutboxSettings settings, MessagingSettings messaging,
                                ObjectProvider<MeterRegistry> meters) {
        return new OutboxJanitor(jdbc, clock, messaging.schema().outboxTable(), settings.retention(),
            Meters.of(meters));
    }
}
