package dev.troupe.mailer.amqp;

import dev.troupe.mailer.Recipient;
import dev.troupe.mailer.UserDirectory;
import dev.troupe.messaging.RpcClient;
import dev.troupe.topology.Topology;
import dev.troupe.events.UserStatus;
import dev.troupe.events.UserStatusQuery;
import dev.troupe.events.UserStatuses;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Asks the users service over the broker, request/reply; no reply is an exception, never a guess. */
public class AmqpUserDirectory implements UserDirectory {

    private final RpcClient rpc;

    public AmqpUserDirectory(RpcClient rpc) {
        this.rpc = rpc;
    }

    @Override
    public Optional<Recipient> recipient(UUID userId) {
        return recipientOf(rpc.call(Topology.USER_STATUS_QUEUE, new UserStatusQuery(userId), UserStatus.class));
    }

    @Override
    public Map<UUID, Optional<Recipient>> recipients(Collection<UUID> userIds) {
        Map<UUID, Optional<Recipient>> recipients = new HashMap<>();
        List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(userIds));
        for (int from = 0; from < all.size(); from += UserStatusQuery.MOST) {
            List<UUID> part = all.subList(from, Math.min(all.size(), from + UserStatusQuery.MOST));
            rpc.call(Topology.USER_STATUS_QUEUE, UserStatusQuery.of(part), UserStatuses.class).statuses()
                .forEach(status -> recipients.put(status.userId(), recipientOf(status)));
        }
        return recipients;
    }

    /**
     * An answer that says the user exists but not its address comes from a users service older than
     * this mailer (during an upgrade): the mail waits for one that can say (retried), rather than
     * going to the event's address, which nothing vouches for.
     */
    private static Optional<Recipient> recipientOf(UserStatus status) {
        if (!status.exists()) {
            return Optional.empty();
        }
        if (status.email() == null || status.email().isBlank()) {
            throw new IllegalStateException("the users service answered for user " + status.userId()
                + " without its address on record; the mail waits for one that does");
        }
        return Optional.of(new Recipient(status.name(), status.email()));
    }
}
