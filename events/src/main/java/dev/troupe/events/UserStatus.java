package dev.troupe.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import java.util.UUID;

/**
 * The users service's answer to a {@link UserStatusQuery}: whether the user exists (a deleted user
 * no longer does) and, if so, its name and address on record. A consumer acting for a user (the
 * mailer) uses these, not what an event says: an event may be stale or forged by any process the
 * broker lets publish, the users table is the one place a registration is stored.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserStatus(UUID userId, boolean exists, String name, String email) {

    public static UserStatus onRecord(UUID userId, String name, String email) {
        return new UserStatus(userId, true, name, email);
    }

    public static UserStatus absent(UUID userId) {
        return new UserStatus(userId, false, null, null);
    }
}
