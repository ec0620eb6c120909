package dev.troupe.users;

import java.util.UUID;

/** The users service's answer to a {@link UserStatusQuery}: a deleted user no longer exists. */
public record UserStatus(UUID userId, boolean exists) {
}
