package dev.troupe.mailer.amqp;

import dev.troupe.mailer.UserDirectory;
import dev.troupe.messaging.RpcClient;
import dev.troupe.topology.Topology;
import dev.troupe.users.UserStatus;
import dev.troupe.users.UserStatusQuery;
import dev.troupe.users.UserStatuses;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Asks the users service over the broker, request/reply; no reply is an exception, never a guess. */
public class AmqpUserDirectory implements UserDirectory {

    private final RpcClient rpc;

    public AmqpUserDirectory(RpcClient rpc) {
        this.rpc = rpc;
    }

    @Override
    public boolean exists(UUID userId) {
        return rpc.call(Topology.USER_STATUS_QUEUE, new UserStatusQuery(userId), UserStatus.class).exists();
    }

    @Override
    public Map<UUID, Boolean> statuses(Collection<UUID> userIds) {
        Map<UUID, Boolean> statuses = new HashMap<>();
        List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(userIds));
        for (int from = 0; from < all.size(); from += UserStatusQuery.MOST) {
            List<UUID> part = all.subList(from, Math.min(all.size(), from + UserStatusQuery.MOST));
            rpc.call(Topology.USER_STATUS_QUEUE, UserStatusQuery.of(part), UserStatuses.class).statuses()
                .forEach(status -> statuses.put(status.userId(), status.exists()));
        }
        return statuses;
    }
}
