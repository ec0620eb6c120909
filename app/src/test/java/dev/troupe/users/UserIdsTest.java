package dev.troupe.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserIdsTest {

    @Test
    void idsAreVersion7AndSortInTheOrderTheyWereMintedEvenWithinOneMillisecond() {
        Instant at = Instant.parse("2026-12-01T10:00:00.123Z");
        UserIds ids = new UserIds(Clock.fixed(at, ZoneOffset.UTC));
        List<String> minted = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            UUID id = ids.get();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.getMostSignificantBits() >>> 16).as("the creation time in ms").isEqualTo(at.toEpochMilli());
            minted.add(id.toString());
        }
        assertThat(minted).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aClockSteppingBackGivesNoSmallerId() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        MutableClock clock = new MutableClock(at);
        UserIds ids = new UserIds(clock);
        String before = ids.get().toString();
        clock.set(at.minusSeconds(5));
        assertThat(ids.get().toString()).isGreaterThan(before);
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnes() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        String first = new UserIds(Clock.fixed(at, ZoneOffset.UTC)).get().toString();
        String second = new UserIds(Clock.fixed(at.plusMillis(1), ZoneOffset.UTC)).get().toString();
        assertThat(first).isLessThan(second);
    }
}
