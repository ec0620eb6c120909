package dev.troupe.bench;

import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP server the service under test mails to, in the benchmark's process: it notes when each
 * recipient's mail was accepted (once its data has been read, just before the server's 250) and
 * how many each got, and keeps nothing else. SubEthaSMTP rather than GreenMail: GreenMail parses
 * and stores every mail, and under load its answers took 10-100 ms each (a flight recording of the
 * mailer showed it waiting on them most of its time), so the sink, not Troupe, set the pace.
 */
final class SmtpSink implements AutoCloseable {

    /** When a recipient's first mail came (System.nanoTime()) and how many came. */
    record Arrival(long firstNanos, AtomicInteger count) {
    }

    private final SMTPServer server;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();

    SmtpSink() {
        server = SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .messageHandlerFactory(Mail::new)
            .maxConnections(256)
            .build();
        server.start();
    }

    int port() {
        return server.getPortAllocated();
    }

    Arrival arrival(String email) {
        return arrivals.get(email);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** One mail's dialogue: its recipients, then its data, read to the end and dropped. */
    private final class Mail implements MessageHandler {

        private final List<String> recipients = new ArrayList<>(1);

        Mail(MessageContext context) {
        }

        @Override
        public void from(String from) {
        }

        @Override
        public void recipient(String recipient) {
            recipients.add(recipient.toLowerCase(Locale.ROOT));
        }

        @Override
        public String data(InputStream data) throws java.io.IOException {
            data.transferTo(java.io.OutputStream.nullOutputStream());
            long now = System.nanoTime();
            for (String recipient : recipients) {
                arrivals.computeIfAbsent(recipient, email -> new Arrival(now, new AtomicInteger())).count().incrementAndGet();
            }
            return null;
        }

        @Override
        public void done() {
        }
    }
}
