package dev.troupe.users;

/** The users service's answer to a {@link UserStatusQuery}: a deleted user no longer exists. */
public record UserStatus(long userId, boolean exists) {
}
