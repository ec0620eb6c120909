package dev.troupe.outbox.internal;

import java.time.Duration;

/**
 * How long to wait after the n-th failure in a row: 100 ms doubling to 30 s. Shared by the relay's
 * rounds and the LISTEN connection, so neither hammers a broker or database in trouble.
 */
final class Backoff {

    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private Backoff() {
    }

    static Duration after(int failures) {
        long millis = 100L << Math.min(Math.max(failures, 1) - 1, 16);
        return millis > MAX_PAUSE.toMillis() ? MAX_PAUSE : Duration.ofMillis(millis);
    }
}
