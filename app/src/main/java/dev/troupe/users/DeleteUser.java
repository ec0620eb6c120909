package dev.troupe.users;

import dev.troupe.messaging.Route;
import dev.troupe.topology.Topology;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A request to delete a user: the seed's {@code delete_user} body {@code {"user_id"}}. */
@Route(exchange = Topology.EXCHANGE, key = Topology.DELETE_USER)
public record DeleteUser(@NotNull UUID userId) {
}
