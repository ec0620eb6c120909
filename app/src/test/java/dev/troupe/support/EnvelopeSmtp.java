package dev.troupe.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server on loopback that records each mail's envelope as it came over the wire (the
 * {@code MAIL FROM} and {@code RCPT TO} arguments, unparsed) and its data as bytes, and that can
 * refuse a recipient with any reply, as a real server does (550 no such mailbox, 451 try later).
 * A test points the mailer at it with {@link #register}.
 */
public final class EnvelopeSmtp implements AutoCloseable {

    /** One mail as the server received it. */
    public record Envelope(String from, List<String> recipients, byte[] data) {

        /** The header block, as the bytes came (ISO-8859-1 keeps every byte as one character). */
        public String headers() {
            String text = new String(data, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        /** A header's value, unfolded, or null. */
        public String header(String name) {
            for (String line : headers().replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }
    }

    private final SMTPServer server;
    private final List<Envelope> received = new CopyOnWriteArrayList<>();
    private final Map<String, RejectException> refusals = new ConcurrentHashMap<>();

    public EnvelopeSmtp() {
        server = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).messageHandlerFactory(Mail::new).build();
        server.start();
    }

    /** Points the application's mail at this server. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", server::getPortAllocated);
    }

    /** From now on, {@code RCPT TO:<recipient>} is answered with this reply, until {@link #accept}. */
    public void refuse(String recipient, int code, String text) {
        refusals.put(recipient, new RejectException(code, text));
    }

    public void accept(String recipient) {
        refusals.remove(recipient);
    }

    /** The mails whose envelope named this recipient, exactly as given in RCPT TO. */
    public List<Envelope> to(String recipient) {
        return received.stream().filter(envelope -> envelope.recipients().contains(recipient)).toList();
    }

    public List<Envelope> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Mail implements MessageHandler {

        private String from;
        private final List<String> recipients = new ArrayList<>();

        Mail(MessageContext context) {
        }

        @Override
        public void from(String from) {
            this.from = from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            RejectException refusal = refusals.get(recipient);
            if (refusal != null) {
                throw refusal;
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws IOException {
            received.add(new Envelope(from, List.copyOf(recipients), data.readAllBytes()));
            return null;
        }

        @Override
        public void done() {
        }
    }
}
