package dev.troupe.mailer.smtp;

import dev.troupe.mailer.WelcomeMail;
import dev.troupe.mailer.WelcomeMailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends a welcome mail as multipart/alternative (text and HTML) over SMTP. */
public class SmtpWelcomeMailer implements WelcomeMailer {

    private final JavaMailSender sender;
    private final String from;

    public SmtpWelcomeMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(WelcomeMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }
}
