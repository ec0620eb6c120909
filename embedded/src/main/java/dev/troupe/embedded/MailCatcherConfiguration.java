package dev.troupe.embedded;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Starts the mail catcher and points mail at it when no SMTP server is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnUnset({"spring.mail.host", "spring.mail.jndi-name"})
class MailCatcherConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    MailCatcher mailCatcher(EmbeddedSettings settings) {
        return new MailCatcher(FreePort.preferring(settings.smtpPort()));
    }

    @Bean
    JavaMailSenderImpl mailSender(MailCatcher catcher) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(catcher.port());
        sender.getJavaMailProperties().putAll(java.util.Map.of(
            "mail.smtp.connectiontimeout", "5000", "mail.smtp.timeout", "10000", "mail.smtp.writetimeout", "10000"));
        return sender;
    }

    @Bean
    MailCatcherController mailCatcherController(MailCatcher catcher) {
        return new MailCatcherController(catcher);
    }
}
