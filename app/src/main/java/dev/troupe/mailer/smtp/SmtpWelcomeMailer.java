package dev.troupe.mailer.smtp;

import dev.troupe.mailer.WelcomeMail;
import dev.troupe.mailer.WelcomeMailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends a welcome mail as multipart/alternative (text and HTML) over a kept SMTP connection, with the given Message-ID. */
public class SmtpWelcomeMailer implements WelcomeMailer {

    private final JavaMailSenderImpl sender;
    private final SmtpSessions sessions;
    private final String from;

    public SmtpWelcomeMailer(JavaMailSenderImpl sender, SmtpSessions sessions, String from) {
        this.sender = sender;
        this.sessions = sessions;
        this.from = from;
    }

    @Override
    public void send(WelcomeMail mail, String messageId) {
        MimeMessage message = new FixedIdMessage(sender.getSession(), messageId);
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sessions.send(message);
    }

    /** JavaMail replaces Message-ID with a random one on save; this keeps the deterministic one. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
