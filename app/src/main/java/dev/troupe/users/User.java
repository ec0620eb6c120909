package dev.troupe.users;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A registered user, as the users service shows it; {@code id} is time-ordered, so ids sort in creation order. */
@Schema(description = "A registered user")
public record User(
    @Schema(description = "The user's id: a time-ordered (version 7) UUID, so ids sort in registration order") UUID id,
    @Schema(description = "The name given at registration") String name,
    @Schema(description = "The e-mail address, lower-cased") String email) {
}
