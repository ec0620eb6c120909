package dev.troupe.mailer.amqp;

import dev.troupe.mailer.UserDirectory;
import dev.troupe.messaging.RpcClient;
import dev.troupe.topology.Topology;
import dev.troupe.users.UserStatus;
import dev.troupe.users.UserStatusQuery;
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
}
