package dev.troupe.gateway;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.Topology;
import dev.troupe.users.CreateUser;
import dev.troupe.users.DeleteUser;
import java.util.UUID;

/** Publishes the seed's commands; each gets a fresh id that is both its message id and the request id. */
public class CommandPublisher {

    private final ConfirmedPublisher publisher;
    private final Envelopes envelopes;

    public CommandPublisher(ConfirmedPublisher publisher, Envelopes envelopes) {
        this.publisher = publisher;
        this.envelopes = envelopes;
    }

    public String createUser(CreateUser command) {
        return send(Topology.CREATE_USER, command);
    }

    public String deleteUser(DeleteUser command) {
        return send(Topology.DELETE_USER, command);
    }

    private String send(String routingKey, Object command) {
        String requestId = UUID.randomUUID().toString();
        publisher.publish(Topology.EXCHANGE, routingKey, envelopes.wrap(command, routingKey, requestId, requestId));
        return requestId;
    }
}
