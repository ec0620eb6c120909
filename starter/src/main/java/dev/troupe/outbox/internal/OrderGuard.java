package dev.troupe.outbox.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps per-key order when several relays claim rows concurrently. A relay may publish a claimed
 * row only if every earlier unpublished row with the same ordering key is in its own claim too;
 * otherwise another relay holds an earlier row, and this key waits for the next round.
 */
final class OrderGuard {

    private OrderGuard() {
    }

    /**
     * @param claimed the rows this relay locked, in id order
     * @param pending every unpublished row (id, key) sharing a key with a claimed row, in id order
     * @return the claimed rows that may be published now, in id order
     */
    static List<OutboxRow> publishable(List<OutboxRow> claimed, List<PendingRow> pending) {
        Set<Long> mine = claimed.stream().map(OutboxRow::id).collect(Collectors.toSet());
        Map<String, Long> firstForeign = new HashMap<>();
        for (PendingRow row : pending) {
            if (!mine.contains(row.id())) {
                firstForeign.putIfAbsent(row.orderingKey(), row.id());
            }
        }
        List<OutboxRow> result = new ArrayList<>(claimed.size());
        for (OutboxRow row : claimed) {
            Long blocker = row.orderingKey() == null ? null : firstForeign.get(row.orderingKey());
            if (blocker == null || blocker > row.id()) {
                result.add(row);
            }
        }
        return result;
    }

    /** An unpublished row as seen by the guard. */
    record PendingRow(long id, String orderingKey) {
    }
}
