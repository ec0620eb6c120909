package dev.troupe.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMTP server the service under test mails to, in the benchmark's process: it notes when each
 * recipient's mail was accepted (at delivery, not by polling, so the latency is the server's own
 * moment) and how many each got. Every mail goes to one mailbox, emptied between steps, so a long
 * run holds no mail in memory.
 */
final class SmtpSink implements AutoCloseable {

    /** When a recipient's first mail came (System.nanoTime()) and how many came. */
    record Arrival(long firstNanos, AtomicInteger count) {
    }

    private final GreenMail server;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();

    SmtpSink() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        GreenMailUser mailbox;
        try {
            mailbox = server.getUserManager().createUser("sink@bench.invalid", "sink", "sink");
        } catch (UserException e) {
            throw new IllegalStateException(e);
        }
        server.getUserManager().setMessageDeliveryHandler((message, address) -> {
            long now = System.nanoTime();
            arrivals.computeIfAbsent(address.getEmail().toLowerCase(java.util.Locale.ROOT),
                email -> new Arrival(now, new AtomicInteger())).count().incrementAndGet();
            return mailbox;
        });
    }

    int port() {
        return server.getSmtp().getPort();
    }

    Arrival arrival(String email) {
        return arrivals.get(email);
    }

    /** Drops the mails kept so far; their arrival times stay. */
    void empty() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
