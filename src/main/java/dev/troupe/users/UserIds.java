package dev.troupe.users;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.UUIDClock;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * New user ids: RFC 9562 version 7 UUIDs, whose leading bits are the creation time in
 * milliseconds, so the primary-key index grows at its end and ids sort in registration order
 * (monotonic within a millisecond in one process). The seed's user_api gives string UUIDs too.
 */
final class UserIds implements Supplier<UUID> {

    private final TimeBasedEpochGenerator generator;

    UserIds(Clock clock) {
        this.generator = Generators.timeBasedEpochGenerator(null, new UUIDClock() {
            @Override
            public long currentTimeMillis() {
                return clock.millis();
            }
        });
    }

    @Override
    public UUID get() {
        return generator.generate();
    }
}
