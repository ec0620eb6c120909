package dev.troupe.outbox.internal;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderGuardTest {

    @Test
    void letsEverythingThroughWhenThisRelayHoldsEveryPendingRow() {
        List<OutboxRow> claimed = List.of(row(1, "user-1"), row(2, "user-2"), row(3, "user-1"));
        List<OrderGuard.PendingRow> pending = List.of(pending(1, "user-1"), pending(2, "user-2"), pending(3, "user-1"));
        assertThat(OrderGuard.publishable(claimed, pending)).extracting(OutboxRow::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void holdsBackAKeyWhoseEarlierRowAnotherRelayHolds() {
        List<OutboxRow> claimed = List.of(row(5, "user-1"), row(6, "user-2"), row(7, "user-1"));
        List<OrderGuard.PendingRow> pending = List.of(pending(2, "user-1"), pending(5, "user-1"), pending(6, "user-2"),
            pending(7, "user-1"));
        assertThat(OrderGuard.publishable(claimed, pending)).extracting(OutboxRow::id).containsExactly(6L);
    }

    @Test
    void publishesRowsBeforeTheForeignOneAndRowsWithoutKey() {
        List<OutboxRow> claimed = List.of(row(1, "user-1"), row(3, "user-1"), row(4, null));
        List<OrderGuard.PendingRow> pending = List.of(pending(1, "user-1"), pending(2, "user-1"), pending(3, "user-1"));
        assertThat(OrderGuard.publishable(claimed, pending)).extracting(OutboxRow::id).containsExactly(1L, 4L);
    }

    private static OutboxRow row(long id, String key) {
        return new OutboxRow(id, "m" + id, "event_exchange", "user_created", "user_created", null, key, null,
            "application/json", new byte[0], null);
    }

    private static OrderGuard.PendingRow pending(long id, String key) {
        return new OrderGuard.PendingRow(id, key);
    }
}
