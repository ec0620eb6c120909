package dev.troupe.outbox.internal;

import dev.troupe.outbox.Outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's threads: each runs rounds while there is work, waits for a wake-up (or the poll
 * interval) when a round found less than a batch, and backs off after a failed round, ignoring
 * wake-ups meanwhile, so an outage is not hammered by every commit.
 */
final class RelayLoop {

    private static final Logger log = LoggerFactory.getLogger(RelayLoop.class);

    private final IntSupplier round;
    private final int threads;
    private final int batchSize;
    private final Duration pollInterval;
    private final Runnable onFailure;
    private final Semaphore signal = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;

    /** @param round one round, returning how many rows it published; throws when it failed */
    RelayLoop(IntSupplier round, int threads, int batchSize, Duration pollInterval, Runnable onFailure) {
        this.round = round;
        this.threads = threads;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.onFailure = onFailure;
    }

    /** Cheap, and coalesced while the threads are busy. */
    void wake() {
        int missing = threads - signal.availablePermits();
        if (missing > 0) {
            signal.release(missing);
        }
    }

    void start() {
        running = true;
        stopped = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::run, "outbox-relay-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    void stop() {
        running = false;
        stopped.countDown();
        wake();
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    boolean isRunning() {
        return running;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                int count = round.getAsInt();
                failures = 0;
                if (count < batchSize) {
                    awaitWakeUp();
                }
            } catch (RuntimeException e) {
                failures++;
                onFailure.run();
                Duration pause = Backoff.after(failures);
                log.warn("Outbox relay round failed ({} in a row), next try in {} ms: {}", failures, pause.toMillis(),
                    e.getMessage());
                pause(pause);
            }
        }
    }

    private void awaitWakeUp() {
        try {
            signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause(Duration pause) {
        try {
            stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
