package dev.troupe.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to register a user: the seed's {@code create_user} body {@code {"name","email"}},
 * also the body of {@code POST /users/} and {@code POST /external_users/}. One set of rules
 * validates it wherever it arrives.
 */
public record CreateUser(
    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
    String name,
    @NotBlank
    @Size(max = 254)
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed e-mail address")
    String email) {
}
