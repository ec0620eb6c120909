package dev.troupe.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Request/reply over the broker ({@code user_status_queue}): does this user exist
 * ({@code {"user_id": …}}, answered by a {@link UserStatus})? Or, for a consumer deciding about
 * many users at once, do these ({@code {"user_ids": […]}}, answered by {@link UserStatuses}, one
 * request where there were as many as users)?
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserStatusQuery(UUID userId, @Size(max = UserStatusQuery.MOST) List<UUID> userIds) {

    /** The most users one query asks about. */
    public static final int MOST = 1000;

    public UserStatusQuery(UUID userId) {
        this(userId, null);
    }

    public static UserStatusQuery of(List<UUID> userIds) {
        return new UserStatusQuery(null, List.copyOf(userIds));
    }

    @AssertTrue(message = "names user_id or user_ids, not both, and no null id")
    boolean isOneKind() {
        return userIds == null ? userId != null : userId == null && userIds.stream().allMatch(java.util.Objects::nonNull);
    }
}
