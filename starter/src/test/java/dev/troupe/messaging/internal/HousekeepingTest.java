package dev.troupe.messaging.internal;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The clean-ups run on the starter's own scheduler, again and again, a failing one included, until stopped. */
class HousekeepingTest {

    @Test
    void everyChoreRunsRepeatedlyAndAFailureDoesNotEndItsSchedule() {
        AtomicInteger cleaned = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        Housekeeping housekeeping = new Housekeeping(List.of(
            new Housekeeping.Chore("cleaning", Duration.ofMillis(20), cleaned::incrementAndGet),
            new Housekeeping.Chore("failing", Duration.ofMillis(20), () -> {
                failing.incrementAndGet();
                throw new IllegalStateException("database away");
            })));
        housekeeping.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> cleaned.get() >= 3 && failing.get() >= 3);
        } finally {
            housekeeping.stop();
        }
        assertThat(housekeeping.isRunning()).isFalse();
        int afterStop = cleaned.get();
        // stopped: a round that had begun may end, no new one starts
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> cleaned.get() <= afterStop + 1);
    }
}
