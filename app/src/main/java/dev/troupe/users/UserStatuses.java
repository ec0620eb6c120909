package dev.troupe.users;

import java.util.List;

/** The users service's answer to a {@link UserStatusQuery} about many users: one status each, in the order asked. */
public record UserStatuses(List<UserStatus> statuses) {
}
