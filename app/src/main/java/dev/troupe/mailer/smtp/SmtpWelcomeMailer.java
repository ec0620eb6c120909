package dev.troupe.mailer.smtp;

import dev.troupe.mailer.WelcomeMail;
import dev.troupe.mailer.WelcomeMailer;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends a welcome mail as multipart/alternative (text and HTML) over a kept SMTP connection, with the given Message-ID. */
public class SmtpWelcomeMailer implements WelcomeMailer {

    /*
     * Profiled under load (troupe-bench, JFR): a third of the application's CPU went to Jakarta Mail
     * and Activation finding their providers again for every mail: StreamProvider.provider() runs
     * a ServiceLoader over the class path on every multipart and every write, unless this system
     * property names the implementation; and Spring's MimeMessageHelper builds and parses a new
     * MIME type map for every message unless it is given one (the shared one below).
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final FileTypeMap FILE_TYPES = fileTypes();

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

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
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name()) {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setFrom(from);
            helper.setTo(exactly(mail.to()));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sessions.send(message);
    }

    /**
     * The stored address as it is, unparsed: {@code RCPT TO} and {@code To:} carry exactly what the
     * users service stored (ASCII by its rule), with no parser's reading of it in between.
     */
    private static InternetAddress exactly(String address) {
        InternetAddress exact = new InternetAddress();
        exact.setAddress(address);
        return exact;
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
        map.afterPropertiesSet();
        return map;
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
