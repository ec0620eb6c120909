package dev.troupe.users;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Request/reply over the broker ({@code user_status_queue}): does this user exist? */
public record UserStatusQuery(@NotNull UUID userId) {
}
