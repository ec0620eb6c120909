package dev.troupe.outbox.internal;


import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.messaging.internal.Confirmation;
import dev.troupe.messaging.internal.Confirmation.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rows a relay round marks published, from what the broker said of each. */
class SettlementTest {

    @Test
    void confirmedAndUnroutableRowsSettleRefusedAndUnconfirmedOnesGoAgain() {
        List<OutboxRow> rows = List.of(row(1, null), row(2, null), row(3, null), row(4, null));
        List<Confirmation> said = List.of(of(Kind.CONFIRMED), of(Kind.UNROUTABLE), of(Kind.REFUSED), of(Kind.NO_CONFIRM));
        assertThat(OutboxRelay.settled(rows, said)).extracting(OutboxRow::id).containsExactly(1L, 2L);
    }

    @Test
    void aKeysRowsBehindOneThatDidNotSettleWaitForItOthersGoOn() {
        List<OutboxRow> rows = List.of(row(1, "user-a"), row(2, "user-a"), row(3, "user-b"), row(4, "user-a"));
        List<Confirmation> said = List.of(of(Kind.CONFIRMED), of(Kind.NO_CONFIRM), of(Kind.CONFIRMED), of(Kind.CONFIRMED));
        assertThat(OutboxRelay.settled(rows, said)).extracting(OutboxRow::id).containsExactly(1L, 3L);
    }

    @Test
    void rowsTheBrokerSaidNothingOfDoNotSettle() {
        assertThat(OutboxRelay.settled(List.of(row(1, null), row(2, null)), List.of(of(Kind.CONFIRMED))))
            .extracting(OutboxRow::id).containsExactly(1L);
    }

    @Test
    void backoffDoublesFrom100MillisecondsTo30Seconds() {
        assertThat(Backoff.after(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(Backoff.after(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.after(9)).isEqualTo(Duration.ofMillis(25_600));
        assertThat(Backoff.after(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    private static Confirmation of(Kind kind) {
        return new Confirmation(kind, null);
    }

    private static OutboxRow row(long id, String key) {
        return new OutboxRow(id, "m" + id, "event_exchange", "user_created", "user_created", null, key, null,
            "application/json", new byte[0], null);
    }
}
