package dev.troupe.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic: a few failures free, then a wait that doubles with each one more, capped; a success forgets. */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aFewFailuresAreFreeThenEachOneMoreDoublesTheWait() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("192.0.2.1");
            assertThat(throttle.remainingWait("192.0.2.1")).as("after %d failures", i).isEmpty();
        }
        throttle.failed("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).contains(LoginThrottle.FIRST_WAIT);
        assertThat(throttle.remainingWait("192.0.2.2")).as("another address").isEmpty();

        clock.advance(LoginThrottle.FIRST_WAIT);
        assertThat(throttle.remainingWait("192.0.2.1")).isEmpty();
        throttle.failed("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).contains(LoginThrottle.FIRST_WAIT.multipliedBy(2));
        clock.advance(LoginThrottle.FIRST_WAIT);
        assertThat(throttle.remainingWait("192.0.2.1")).contains(LoginThrottle.FIRST_WAIT);
    }

    @Test
    void theWaitIsCappedAndASuccessForgetsTheFailures() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("192.0.2.1");
            clock.advance(throttle.remainingWait("192.0.2.1").orElse(Duration.ZERO));
        }
        throttle.failed("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).contains(LoginThrottle.LONGEST_WAIT);

        throttle.succeeded("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).isEmpty();
        throttle.failed("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).isEqualTo(Optional.empty());
    }
}
