package dev.troupe.harness;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP server Troupe mails to, in the driving process (the benchmark's, the scenario runner's):
 * it notes when each recipient's first mail was accepted (once its data has been read, just before
 * the server's 250) and how many each got, and keeps nothing else. It can refuse every mail for a
 * while, as a mail server in trouble does (451, try later). SubEthaSMTP rather than GreenMail:
 * GreenMail parses and stores every mail, and under load its answers took 10-100 ms each (a flight
 * recording of the mailer showed it waiting on them most of its time), so the sink, not Troupe,
 * set the pace.
 */
public final class SmtpSink implements AutoCloseable {

    /**
     * When a recipient's first mail came (System.nanoTime(), and the wall clock), how many came, and
     * their distinct Message-IDs: a mail sent again with the same Message-ID is the same mail sent
     * twice (what a receiving system can tell apart), one with another Message-ID is another mail.
     */
    public record Arrival(long firstNanos, Instant firstAt, AtomicInteger count, Set<String> messageIds) {

        /** Mails of their own: the distinct Message-IDs (a mail that came without one is one of its own). */
        public int distinct() {
            return messageIds.size();
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong UNNAMED = new java.util.concurrent.atomic.AtomicLong();

    private final SMTPServer server;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private volatile boolean refusing;
    private volatile java.time.Duration pace = java.time.Duration.ZERO;
    private final AtomicInteger pausing = new AtomicInteger();

    public SmtpSink() {
        server = SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .messageHandlerFactory(Mail::new)
            .maxConnections(256)
            .build();
        server.start();
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** The mails to one address (lower case), null if none came. */
    public Arrival arrival(String email) {
        return arrivals.get(email.toLowerCase(Locale.ROOT));
    }

    /** Every recipient so far, lower case, with its mails. */
    public Map<String, Arrival> recipients() {
        return Map.copyOf(arrivals);
    }

    /** The number of mails accepted so far, each recipient once per mail. */
    public long mails() {
        return arrivals.values().stream().mapToLong(arrival -> arrival.count().get()).sum();
    }

    /** From now on every recipient is refused with a temporary failure (451), until {@code false}. */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /**
     * From now on each recipient is answered only after this long, as a slow mail server answers: a
     * test that kills the mailer mid-batch then finds the batch half sent, each mail either accepted
     * (before the pause) or not yet begun.
     */
    public void pace(java.time.Duration pace) {
        this.pace = pace;
    }

    /** How many recipients are being paced now: their mails are begun, none of them accepted yet. */
    public int pausing() {
        return pausing.get();
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
        public void recipient(String recipient) throws RejectException {
            if (refusing) {
                throw new RejectException(451, "4.3.2 the sink refuses mail for a while, try again later");
            }
            if (!pace.isZero()) {
                pausing.incrementAndGet();
                try {
                    Waits.pause(pace);
                } finally {
                    pausing.decrementAndGet();
                }
            }
            recipients.add(recipient.toLowerCase(Locale.ROOT));
        }

        @Override
        public String data(InputStream data) throws java.io.IOException {
            String messageId = messageId(data);
            data.transferTo(OutputStream.nullOutputStream());
            long now = System.nanoTime();
            Instant at = Instant.now();
            for (String recipient : recipients) {
                Arrival arrival = arrivals.computeIfAbsent(recipient,
                    email -> new Arrival(now, at, new AtomicInteger(), ConcurrentHashMap.newKeySet()));
                arrival.messageIds().add(messageId);
                arrival.count().incrementAndGet();
            }
            return null;
        }

        /** The Message-ID header, read from the headers (the rest is left in the stream); one of its own if none. */
        private String messageId(InputStream data) throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            boolean folded = false; // "Message-ID:" alone on its line, the id on the next (a folded header)
            for (int c = data.read(); c >= 0; c = data.read()) {
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                String raw = line.toString();
                String header = raw.strip();
                line.setLength(0);
                if (header.isEmpty()) {
                    break; // the end of the headers
                }
                if (folded && (raw.startsWith(" ") || raw.startsWith("\t"))) {
                    return header;
                }
                folded = false;
                if (header.regionMatches(true, 0, "Message-ID:", 0, "Message-ID:".length())) {
                    String value = header.substring("Message-ID:".length()).strip();
                    if (!value.isEmpty()) {
                        return value;
                    }
                    folded = true;
                }
            }
            return "<none " + UNNAMED.incrementAndGet() + ">";
        }

        @Override
        public void done() {
        }
    }
}
