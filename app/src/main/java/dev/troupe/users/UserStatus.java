package dev.troupe.users;

import java.util.UUID;

/**
 * The users service's answer to a {@link UserStatusQuery}: whether the user exists (a deleted user
 * no longer does) and, if so, its name and address on record. A consumer acting for a user (the
 * mailer) uses these, not what an event says: an event may be stale or forged by any process the
 * broker lets publish, the users table is the one place a registration is stored.
 */
public record UserStatus(UUID userId, boolean exists, String name, String email) {

    public static UserStatus of(User user) {
        return new UserStatus(user.id(), true, user.name(), user.email());
    }

    public static UserStatus absent(UUID userId) {
        return new UserStatus(userId, false, null, null);
    }
}
