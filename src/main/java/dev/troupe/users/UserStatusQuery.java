package dev.troupe.users;

import jakarta.validation.constraints.NotNull;

/** Request/reply over the broker ({@code user_status_queue}): does this user exist? */
public record UserStatusQuery(@NotNull Long userId) {
}
