package dev.troupe.mailer;

import dev.troupe.ConditionalOnService;
import dev.troupe.Services;
import dev.troupe.mailer.amqp.WelcomeMailListener;
import dev.troupe.mailer.smtp.SmtpWelcomeMailer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The mailer service: the seed's send_mail_consumer. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnService(Services.MAILER)
@EnableConfigurationProperties(MailerSettings.class)
public class MailerConfiguration {

    @Bean
    WelcomeMailer welcomeMailer(JavaMailSender sender, MailerSettings settings) {
        return new SmtpWelcomeMailer(sender, settings.from());
    }

    @Bean
    WelcomeMailListener welcomeMailListener(WelcomeMailer mailer) {
        return new WelcomeMailListener(mailer);
    }
}
