package dev.troupe.users;

import dev.troupe.messaging.Route;
import dev.troupe.topology.Topology;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to register a user: the seed's {@code create_user} body {@code {"name","email"}},
 * also the body of {@code POST /users/} and {@code POST /external_users/}. One set of rules
 * validates it wherever it arrives. Its route is the seed's: what the gateway publishes, and what
 * the users' and (in the naive flow) the mailer's queues are bound to.
 */
@Route(exchange = Topology.EXCHANGE, key = Topology.CREATE_USER)
@Schema(description = "A registration: the seed's create_user body")
public record CreateUser(
    @Schema(description = "The user's name: up to 100 characters, no control characters", example = "Ada Lovelace")
    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
    String name,
    @Schema(description = "The user's e-mail address, unique whatever its case", example = "ada@example.com")
    @NotBlank
    @Size(max = 254)
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed e-mail address")
    String email) {
}
