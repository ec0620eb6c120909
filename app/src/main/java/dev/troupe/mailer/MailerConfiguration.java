package dev.troupe.mailer;

import dev.troupe.TroupeService;
import dev.troupe.mailer.amqp.AmqpUserDirectory;
import dev.troupe.mailer.amqp.UserCreatedMailListener;
import dev.troupe.mailer.amqp.WelcomeMailListener;
import dev.troupe.mailer.smtp.SmtpSessions;
import dev.troupe.mailer.smtp.SmtpWelcomeMailer;
import dev.troupe.messaging.RpcClient;
import dev.troupe.startup.ConditionalOnAnySet;
import dev.troupe.startup.SmtpCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/** The mailer service: the seed's send_mail_consumer, on user_created by default. */
@TroupeService(name = MailerConfiguration.NAME)
@EnableConfigurationProperties(MailerSettings.class)
public class MailerConfiguration {

    /** Its name in {@code troupe.services}. */
    public static final String NAME = "mailer";

    @Bean
    WelcomeMailer welcomeMailer(JavaMailSenderImpl sender, SmtpSessions smtpSessions, MailerSettings settings) {
        return new SmtpWelcomeMailer(sender, smtpSessions, settings.from());
    }

    @Bean
    WelcomeMailing welcomeMailing(JdbcClient jdbc, Clock clock, RpcClient rpc, WelcomeMailer mailer, MeterRegistry meters,
                                  ObjectProvider<ObservationRegistry> observations, PlatformTransactionManager transactions) {
        return new WelcomeMailing(new MailLedger(jdbc, clock), new BatchUserChecks(new AmqpUserDirectory(rpc)), mailer,
            eachMailOnItsOwn(transactions), meters, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** Each mail's ledger row commits as soon as its mail is accepted, apart from the batch it came in (one more connection each). */
    private static TransactionTemplate eachMailOnItsOwn(PlatformTransactionManager transactions) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return own;
    }

    /** One kept SMTP connection per mail in flight; closed with the context. */
    @Bean
    SmtpSessions smtpSessions(JavaMailSenderImpl sender, MailerSettings settings) {
        return new SmtpSessions(sender, settings.concurrency());
    }

    /** Only for a real SMTP server: the embedded mail catcher is started in process and takes any login. */
    @Bean
    @ConditionalOnAnySet("spring.mail.host")
    SmtpCheck smtpCheck(JavaMailSenderImpl sender) {
        return new SmtpCheck(sender);
    }

    @Bean
    @ConditionalOnProperty(name = "troupe.flow", havingValue = "reliable", matchIfMissing = true)
    UserCreatedMailListener userCreatedMailListener(WelcomeMailing mailing) {
        return new UserCreatedMailListener(mailing);
    }

    @Bean
    ContainerCustomizer<SimpleMessageListenerContainer> mailerConcurrency(MailerSettings settings) {
        return container -> {
            if (UserCreatedMailListener.ID.equals(container.getListenerId())) {
                container.setConcurrentConsumers(settings.concurrency());
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "troupe.flow", havingValue = "naive")
    WelcomeMailListener welcomeMailListener(WelcomeMailer mailer, JsonMapper json) {
        return new WelcomeMailListener(mailer, json);
    }
}
