package dev.troupe.messaging.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs the starter's periodic clean-ups (published outbox rows, old inbox rows) on a scheduler of
 * its own rather than with {@code @Scheduled}, so that they run in any application, whether or not
 * it switches scheduling on, and run once where it does.
 */
public class Housekeeping implements SmartLifecycle {

    /** One clean-up: what it is called, how often it runs, and the work (returning rows deleted). */
    public record Chore(String name, Duration every, IntSupplier work) {
    }

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final List<Chore> chores;
    private ThreadPoolTaskScheduler scheduler;

    public Housekeeping(List<Chore> chores) {
        this.chores = List.copyOf(chores);
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("troupe-housekeeping-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        for (Chore chore : chores) {
            scheduler.scheduleWithFixedDelay(() -> run(chore), Instant.now().plus(chore.every()), chore.every());
        }
    }

    private static void run(Chore chore) {
        try {
            int deleted = chore.work().getAsInt();
            log.debug("{}: {} rows deleted", chore.name(), deleted);
        } catch (RuntimeException e) {
            // the next round tries again; a database outage must not end the schedule
            log.warn("{} failed: {}", chore.name(), e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
