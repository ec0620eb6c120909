package dev.troupe.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server on 127.0.0.1 (GreenMail) that keeps every mail it receives: the seed's
 * MailCatcher, in process.
 */
public class MailCatcher {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final GreenMail smtp;
    private final int port;

    public MailCatcher(int port) {
        this.port = port;
        // GreenMail gives its server thread 2 s to come up by default; a busy 2-core box can take longer
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT.toMillis());
        this.smtp = new GreenMail(setup);
    }

    public void start() {
        smtp.start();
    }

    public void stop() {
        smtp.stop();
    }

    public int port() {
        return port;
    }

    public List<CapturedMail> mails() {
        return Arrays.stream(smtp.getReceivedMessages()).map(MailCatcher::capture).toList();
    }

    /** How many mails arrived, without reading them. */
    public int count() {
        return smtp.getReceivedMessages().length;
    }

    public void clear() {
        smtp.reset();
    }

    /** Reads a received message into its parts; shared by the mail page and the tests. */
    public static CapturedMail capture(MimeMessage message) {
        try {
            CapturedMail.Bodies bodies = new CapturedMail.Bodies();
            collect(message, bodies);
            return new CapturedMail(
                message.getMessageID(),
                addresses(message.getFrom()),
                addresses(message.getAllRecipients()),
                message.getSubject(),
                message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                bodies.text,
                bodies.html,
                raw(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable captured mail", e);
        }
    }

    private static String raw(MimeMessage message) throws MessagingException, IOException {
        java.io.ByteArrayOutputStream source = new java.io.ByteArrayOutputStream();
        message.writeTo(source);
        return source.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void collect(Part part, CapturedMail.Bodies bodies) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = (String) part.getContent();
        } else if (part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = (String) part.getContent();
        }
    }

    private static List<String> addresses(jakarta.mail.Address[] addresses) {
        return addresses == null ? List.of()
            : Arrays.stream(addresses).map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString()).toList();
    }
}
