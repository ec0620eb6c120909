package dev.troupe.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages a second into and out of each queue, from what the tap saw and how the depth moved: a
 * queue takes every message published with one of its routing keys, and whatever it took that is
 * no longer waiting was consumed. The broker's own rates are RabbitMQ's management plugin's, which
 * the embedded broker lacks; this works the same on both.
 */
public class QueueRates {

    /** A queue's rates, messages a second. */
    public record Rate(double in, double out) {
    }

    private final Map<String, Long> published = new HashMap<>();
    private final Map<String, Long> lastDepths = new HashMap<>();
    /** When the last look was, or null before the first. */
    private Long lastNanos;

    /** One message published with this exchange and routing key. */
    public synchronized void published(String exchange, String routingKey) {
        published.merge(exchange + "/" + routingKey, 1L, Long::sum);
    }

    /**
     * The rates since the last call, given each queue's exchange, keys and depth now (a depth below
     * zero: the broker could not say, and its out rate is not guessed).
     */
    public synchronized Map<String, Rate> since(Map<String, SystemMap.Declared> queues, Map<String, Long> depths,
                                                long nanos) {
        double seconds = lastNanos == null ? 0 : (nanos - lastNanos) / 1e9;
        Map<String, Rate> rates = new HashMap<>();
        for (SystemMap.Declared queue : queues.values()) {
            long in = count(queue.exchange(), queue.routingKeys());
            long depth = depths.getOrDefault(queue.name(), -1L);
            Long before = lastDepths.get(queue.name());
            double out = before == null || before < 0 || depth < 0 ? 0 : Math.max(0, in - (depth - before));
            rates.put(queue.name(), seconds > 0 ? new Rate(in / seconds, out / seconds) : new Rate(0, 0));
        }
        published.clear();
        lastDepths.clear();
        lastDepths.putAll(depths);
        lastNanos = nanos;
        return rates;
    }

    private long count(String exchange, List<String> keys) {
        return keys.stream().mapToLong(key -> published.getOrDefault(exchange + "/" + key, 0L)).sum();
    }
}
