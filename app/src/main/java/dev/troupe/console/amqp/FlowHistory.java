package dev.troupe.console.amqp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live flow's memory, the newest messages for a page that opens: so that a page opened after a
 * {@code curl} registration shows what it set off. Two sources, one at a time: the tap while it runs
 * (every process's messages, as the broker routed them), and, while it does not, this process's own
 * sends to the exchanges on the map (a sent message's body kept, up to {@value #BODY_KEPT} bytes, and
 * read only when asked for: nothing parsed on the publisher's thread). Bounded to the newest
 * {@code size}, so a few hundred kilobytes at most. A message sent while the tap was binding may come
 * back through it; its sent copy then gives way to the tap's, so it is kept once.
 */
public class FlowHistory {

    /** A sent message's body is kept up to this size, to read its user and address from; a larger one is not. */
    static final int BODY_KEPT = 4096;
    /** How long after a tap begins to bind it may deliver a message that was also kept as sent. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);

    /** A message kept: the tap's, read already, or a sent one, read from its body the first time it is asked for. */
    private static final class Kept {
        private MessageTap.Seen seen;
        private byte[] body;
        private final boolean sent;

        Kept(MessageTap.Seen seen, byte[] body, boolean sent) {
            this.seen = seen;
            this.body = body;
            this.sent = sent;
        }

        MessageTap.Seen seen(JsonMapper json) {
            if (body != null) {
                seen = MessageTap.Seen.of(seen.at(), seen.exchange(), seen.routingKey(), seen.messageId(),
                    seen.correlationId(), body, json);
                body = null;
            }
            return seen;
        }

        boolean sameMessage(MessageTap.Seen other) {
            return other.messageId().equals(seen.messageId()) && other.exchange().equals(seen.exchange())
                && other.routingKey().equals(seen.routingKey());
        }
    }

    private final int size;
    private final Supplier<Map<String, List<String>>> routes;
    private final JsonMapper json;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    /** The exchange and routing key of every binding on the map, read at the first send (the map does not change). */
    private volatile Set<String> routed;
    /** Whether the tap runs, so that this process's sends are the tap's to keep: one read per send. */
    private volatile boolean tapping;
    private Instant bindingFrom = Instant.MIN;

    /**
     * @param size   how many messages it keeps; 0 keeps none
     * @param routes the routing keys bound on the map, by exchange: the messages the tap would see
     */
    public FlowHistory(int size, Supplier<Map<String, List<String>>> routes, JsonMapper json) {
        this.size = Math.max(0, size);
        this.routes = routes;
        this.json = json;
    }

    /** The tap begins to bind: from now on it may deliver a message this process also sends. */
    synchronized void binding() {
        bindingFrom = Instant.now();
    }

    /** The tap is bound and consuming: it sees every message from now on. */
    void tapping(boolean tapping) {
        this.tapping = tapping;
    }

    /** A message this process publishes, kept unless the tap runs (it keeps its own copy) or it goes where no binding on the map does. */
    public void sent(String exchange, String routingKey, Message message) {
        if (tapping || size == 0 || !routed().contains(route(exchange, routingKey))) {
            return;
        }
        MessageProperties properties = message.getMessageProperties();
        byte[] body = message.getBody();
        // the ids and size now, the rest read when asked for; a body kept is a copy, whatever the sender does with its own
        MessageTap.Seen seen = new MessageTap.Seen(Instant.now(), exchange, routingKey, properties.getMessageId(),
            properties.getCorrelationId(), null, null, body.length);
        add(new Kept(seen, body.length <= BODY_KEPT ? Arrays.copyOf(body, body.length) : null, true));
    }

    /** A message the tap delivered; a sent copy of it kept while the tap was binding gives way. */
    synchronized void tapped(MessageTap.Seen seen) {
        if (seen.messageId() != null && Duration.between(bindingFrom, seen.at()).compareTo(OVERLAP) < 0) {
            Instant since = bindingFrom.minusSeconds(1);
            for (Iterator<Kept> newest = kept.descendingIterator(); newest.hasNext(); ) {
                Kept one = newest.next();
                if (one.seen.at().isBefore(since)) {
                    break;
                }
                if (one.sent && one.sameMessage(seen)) {
                    newest.remove();
                    break;
                }
            }
        }
        add(new Kept(seen, null, false));
    }

    private synchronized void add(Kept one) {
        if (size == 0) {
            return;
        }
        if (kept.size() == size) {
            kept.removeFirst();
        }
        kept.addLast(one);
    }

    /** The messages kept, oldest first. */
    public synchronized List<MessageTap.Seen> recent() {
        return kept.stream().map(one -> one.seen(json)).toList();
    }

    private Set<String> routed() {
        Set<String> known = routed;
        if (known == null) {
            known = new HashSet<>();
            for (Map.Entry<String, List<String>> exchange : routes.get().entrySet()) {
                for (String key : exchange.getValue()) {
                    known.add(route(exchange.getKey(), key));
                }
            }
            routed = known;
        }
        return known;
    }

    private static String route(String exchange, String routingKey) {
        return exchange + ' ' + routingKey;
    }
}
