package dev.troupe.harness;

import java.time.Duration;

/** The pause between two looks at a condition being waited for. */
public final class Waits {

    private Waits() {
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
