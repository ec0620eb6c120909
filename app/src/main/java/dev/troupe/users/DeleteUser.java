package dev.troupe.users;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A request to delete a user: the seed's {@code delete_user} body {@code {"user_id"}}. */
public record DeleteUser(@NotNull UUID userId) {
}
