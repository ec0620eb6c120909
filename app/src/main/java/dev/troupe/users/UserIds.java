package dev.troupe.users;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * New user ids: RFC 9562 version 7 UUIDs, whose leading bits are the creation time in
 * milliseconds, so the primary-key index grows at its end and ids sort in registration order
 * (in one process, also within a millisecond and across a clock stepping back). The seed's
 * user_api gives string UUIDs too.
 */
final class UserIds implements Supplier<UUID> {

    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator(new SecureRandom());
    private final Clock clock;
    private long lastMillis = Long.MIN_VALUE;

    UserIds(Clock clock) {
        this.clock = clock;
    }

    /**
     * Never before the previous id, even if the clock steps back (an NTP correction), and one caller
     * at a time, so that ids follow the order of the calls (a registration is a database commit:
     * the lock costs nothing next to it).
     */
    @Override
    public synchronized UUID get() {
        lastMillis = Math.max(lastMillis, clock.millis());
        return generator.construct(lastMillis);
    }
}
