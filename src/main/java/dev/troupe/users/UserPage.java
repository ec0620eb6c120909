package dev.troupe.users;

import java.util.List;

/** One page of users, ordered by id. */
public record UserPage(List<User> items, int page, int size, long totalItems) {
}
