package dev.troupe.users;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of users, ordered by id. */
@Schema(description = "One page of users, in registration order")
public record UserPage(@Schema(description = "The users on this page") List<User> items,
                       @Schema(description = "This page's number, from 0") int page,
                       @Schema(description = "The page size asked for") int size,
                       @Schema(description = "How many users match in all") long totalItems) {
}
