package dev.troupe.mailer.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import dev.troupe.mailer.MailRefusedException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Open SMTP connections, kept for the next mail instead of a connect, EHLO and QUIT per mail (which
 * cost 60–80 ms against some servers). Spring's {@code JavaMailSenderImpl} connects for every
 * {@code send} call, and JavaMail has no pool, hence this one: a connection is used by one sender
 * at a time, handed back after a successful send, closed after a failed one. A kept connection the
 * server has dropped meanwhile fails its next send: that send is tried once more on a new
 * connection, so an idle time-out is never a failed mail. A send the server refused for good (a 5xx
 * reply) is a {@link MailRefusedException}, not tried again: the server would answer the same.
 */
public class SmtpSessions implements AutoCloseable {

    private final JavaMailSenderImpl sender;
    private final BlockingQueue<Transport> idle;

    /** @param kept how many idle connections are kept at most (as many as mails are sent at once) */
    public SmtpSessions(JavaMailSenderImpl sender, int kept) {
        this.sender = sender;
        this.idle = new ArrayBlockingQueue<>(Math.max(1, kept));
    }

    public void send(MimeMessage message) {
        try {
            message.saveChanges();
        } catch (MessagingException e) {
            throw new MailSendException("could not prepare the message", e);
        }
        Transport kept = idle.poll();
        if (kept != null) {
            try {
                sendOn(kept, message);
                return;
            } catch (MessagingException e) {
                closeQuietly(kept);
                refusedForGood(e); // the server answered: no new connection changes its mind
                // dropped while idle, most likely: once more on a new connection
            }
        }
        Transport fresh = null;
        try {
            fresh = connect();
            sendOn(fresh, message);
        } catch (MessagingException e) {
            closeQuietly(fresh);
            refusedForGood(e);
            throw new MailSendException("SMTP send to " + sender.getHost() + ":" + sender.getPort() + " failed: "
                + e.getMessage(), e);
        }
    }

    private static void refusedForGood(MessagingException failure) {
        java.util.Optional<String> refusal = SmtpReplies.permanentRefusal(failure);
        if (refusal.isPresent()) {
            throw new MailRefusedException(refusal.get(), failure);
        }
    }

    private void sendOn(Transport transport, MimeMessage message) throws MessagingException {
        transport.sendMessage(message, message.getAllRecipients());
        if (!idle.offer(transport)) {
            closeQuietly(transport);
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
        transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        return transport;
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // it is being thrown away
        }
    }

    @Override
    public void close() {
        Transport transport;
        while ((transport = idle.poll()) != null) {
            closeQuietly(transport);
        }
    }
}
