package dev.troupe.startup;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Logs in to the real SMTP server while the context starts. Refused credentials will not mend
 * themselves, so they end the start ({@link SmtpLoginRefusedException}); a server that is merely down
 * does not: the mailer keeps its mails and retries them later, so that is one warning and the start
 * goes on.
 */
public class SmtpCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpCheck.class);

    private final JavaMailSenderImpl sender;

    public SmtpCheck(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            sender.testConnection();
        } catch (AuthenticationFailedException e) {
            throw new SmtpLoginRefusedException(server(), sender.getUsername(), e);
        } catch (MessagingException e) {
            log.warn("SMTP server {} not usable at start-up ({}); starting anyway, welcome mails are retried until it answers",
                server(), Reasons.of(e));
        }
    }

    private String server() {
        return sender.getHost() + ":" + (sender.getPort() > 0 ? sender.getPort() : 25);
    }
}
