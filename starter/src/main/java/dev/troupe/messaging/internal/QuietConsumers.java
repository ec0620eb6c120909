package dev.troupe.messaging.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Lets an idle subscriber's consumers sleep. A subscriber's consumer waits for the next message of
 * a batch at most {@code troupe.messaging.batch.max-wait} (5 ms), so that a lone message is not held
 * back; but Spring AMQP's container waits as long for the first message of a batch, so an idle
 * consumer woke 200 times a second for nothing (measured with no load: 3.9 ms of CPU a second per
 * consumer, 31 of the 36 ms a second Troupe's process spent idle). Here a container whose consumers
 * have received nothing for a while waits {@link #QUIET_WAIT} instead, and the short wait again
 * from its next message on: a message arriving ends a wait at once, so only the gathering after
 * it needs the short one. Our own code because the container offers no wait for the first message
 * apart from the rest; it sets the container's receive timeout, which each consumer reads before
 * each wait.
 */
final class QuietConsumers implements SmartLifecycle {

    /** The wait of a quiet consumer: Spring AMQP's default receive timeout. */
    static final Duration QUIET_WAIT = Duration.ofSeconds(1);
    /** How long a container goes without a message before its consumers are let sleep. */
    static final Duration QUIET_AFTER = Duration.ofSeconds(1);

    private final List<Watched> watched = new CopyOnWriteArrayList<>();
    private final LongSupplier nanos;
    private ScheduledExecutorService ticker;

    QuietConsumers() {
        this(System::nanoTime);
    }

    QuietConsumers(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Watches a subscriber's container, whose consumers wait {@code busyWait} for the next message of a batch. */
    void watch(SimpleMessageListenerContainer container, Duration busyWait) {
        Watched one = new Watched(container, Math.max(1, busyWait.toMillis()), nanos.getAsLong());
        container.setReceiveTimeout(one.busyWait);
        container.addAfterReceivePostProcessors(message -> {
            one.received(nanos.getAsLong());
            return message;
        });
        watched.add(one);
    }

    /** Lets the containers quiet for long enough sleep; run twice a second. */
    void tick() {
        long now = nanos.getAsLong();
        for (Watched one : watched) {
            one.quietIfIdleSince(now - QUIET_AFTER.toNanos());
        }
    }

    /** One container: when its consumers last received a message, and whether they sleep. */
    private static final class Watched {
        private final SimpleMessageListenerContainer container;
        private final long busyWait;
        private volatile long lastReceipt;
        private volatile boolean quiet;

        Watched(SimpleMessageListenerContainer container, long busyWait, long now) {
            this.container = container;
            this.busyWait = busyWait;
            this.lastReceipt = now;
        }

        void received(long now) {
            lastReceipt = now;
            if (quiet) {
                quiet = false;
                container.setReceiveTimeout(busyWait);
            }
        }

        void quietIfIdleSince(long since) {
            if (!quiet && lastReceipt - since < 0) {
                quiet = true;
                container.setReceiveTimeout(QUIET_WAIT.toMillis());
                // a message received meanwhile takes the short wait back: it wins over this tick
                if (lastReceipt - since >= 0) {
                    quiet = false;
                    container.setReceiveTimeout(busyWait);
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "troupe-quiet-consumers");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
