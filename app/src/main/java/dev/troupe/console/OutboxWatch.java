package dev.troupe.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The outbox as the console shows it, sampled from the starter's own meters: rows waiting, the
 * oldest one's age, and since the last sample the rows the relay published and their mean time
 * from the commit to the broker's confirm. The last {@value #KEPT} samples are kept for the chart.
 */
public class OutboxWatch {

    static final int KEPT = 120;

    /** One sample; lag -1 where nothing was published since the last. */
    public record Sample(Instant at, double pending, double oldestSeconds, double publishedPerSecond, double lagMillis) {
    }

    private final MeterRegistry meters;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private long lastNanos;
    private double lastPublished;
    private long lastLagCount;
    private double lastLagTotal;

    public OutboxWatch(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Takes a sample, keeps it, and returns it. */
    public synchronized Sample sample() {
        long now = System.nanoTime();
        double published = counter("troupe.messaging.outbox.published");
        Timer lag = meters.find("troupe.messaging.outbox.lag").timer();
        long lagCount = lag == null ? 0 : lag.count();
        double lagTotal = lag == null ? 0 : lag.totalTime(TimeUnit.MILLISECONDS);
        double seconds = lastNanos == 0 ? 0 : (now - lastNanos) / 1e9;
        Sample sample = new Sample(Instant.now(), gauge("troupe.messaging.outbox.pending"),
            gauge("troupe.messaging.outbox.oldest.age"),
            seconds > 0 ? Math.max(0, published - lastPublished) / seconds : 0,
            lagCount > lastLagCount ? (lagTotal - lastLagTotal) / (lagCount - lastLagCount) : -1);
        lastNanos = now;
        lastPublished = published;
        lastLagCount = lagCount;
        lastLagTotal = lagTotal;
        if (samples.size() == KEPT) {
            samples.removeFirst();
        }
        samples.addLast(sample);
        return sample;
    }

    /** The samples kept, oldest first. */
    public synchronized List<Sample> history() {
        return List.copyOf(samples);
    }

    private double gauge(String name) {
        Gauge gauge = meters.find(name).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private double counter(String name) {
        Counter counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }
}
