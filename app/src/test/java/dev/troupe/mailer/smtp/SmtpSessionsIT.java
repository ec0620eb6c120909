package dev.troupe.mailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.troupe.embedded.FreePort;
import dev.troupe.support.EmbeddedServers;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Kept SMTP connections, on a real SMTP server socket: reused, replaced when the server dropped them. */
@EmbeddedServers
class SmtpSessionsIT {

    private final int port = FreePort.any();

    @Test
    void mailsGoOverAKeptConnectionAndADroppedOneIsReplacedWithoutAFailedMail() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        try (SmtpSessions sessions = new SmtpSessions(sender, 2)) {
            GreenMail server = start();
            try {
                for (int i = 0; i < 3; i++) {
                    sessions.send(mail(sender, "kept-" + i + "@example.com"));
                }
                assertThat(server.getReceivedMessages()).hasSize(3);
            } finally {
                server.stop();
            }
            // the kept connection died with that server: the next mail goes over a new one, once it is back
            assertThatThrownBy(() -> sessions.send(mail(sender, "down@example.com"))).isInstanceOf(MailSendException.class);
            GreenMail again = start();
            try {
                sessions.send(mail(sender, "after-restart@example.com"));
                assertThat(again.getReceivedMessages()).extracting(message -> message.getAllRecipients()[0].toString())
                    .containsExactly("after-restart@example.com");
            } finally {
                again.stop();
            }
        }
    }

    private GreenMail start() {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail server = new GreenMail(setup);
        server.start();
        return server;
    }

    private static MimeMessage mail(JavaMailSenderImpl sender, String to) throws Exception {
        MimeMessage message = new MimeMessage(sender.getSession());
        message.setFrom(new InternetAddress("troupe@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("hello");
        message.setText("hello");
        return message;
    }
}
