package dev.troupe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic: a few failures free, then a wait that doubles with each one more, capped; a success forgets. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void aFewFailuresAreFreeThenEachOneMoreDoublesTheWait() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("192.0.2.1");
            assertThat(throttle.remainingWait("192.0.2.1")).as("after %d failures", i).isEmpty();
        }
        throttle.failed("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).contains(LoginThrottle.FIRST_WAIT);
        assertThat(throttle.remainingWait("192.0.2.2")).as("another address").isEmpty();

        now = now.plus(LoginThrottle.FIRST_WAIT);
        assertThat(throttle.remainingWait("192.0.2.1")).isEmpty();
        throttle.failed("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).contains(LoginThrottle.FIRST_WAIT.multipliedBy(2));
        now = now.plus(LoginThrottle.FIRST_WAIT);
        assertThat(throttle.remainingWait("192.0.2.1")).contains(LoginThrottle.FIRST_WAIT);
    }

    @Test
    void theWaitIsCappedAndASuccessForgetsTheFailures() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("192.0.2.1");
            now = now.plus(throttle.remainingWait("192.0.2.1").orElse(Duration.ZERO));
        }
        throttle.failed("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).contains(LoginThrottle.LONGEST_WAIT);

        throttle.succeeded("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).isEmpty();
        throttle.failed("192.0.2.1");
        assertThat(throttle.remainingWait("192.0.2.1")).isEqualTo(Optional.empty());
    }
}
