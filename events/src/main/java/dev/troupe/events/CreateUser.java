package dev.troupe.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import dev.troupe.messaging.api.Route;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request to register a user: the seed's {@code create_user} body {@code {"name","email"}},
 * also the body of {@code POST /users/} and {@code POST /external_users/}. One set of rules
 * validates it wherever it arrives. Its route is the seed's: what the gateway publishes, and what
 * the users' and (in the naive flow) the mailer's queues are bound to.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@Route(exchange = UserRoutes.EXCHANGE, key = UserRoutes.CREATE_USER)
@Schema(description = "A registration: the seed's create_user body")
public record CreateUser(
    @Schema(description = "The user's name: up to 100 characters of readable text (no control characters, line"
        + " separators, bidirectional overrides or isolates, unpaired surrogates; something visible), stored in NFC",
        example = "Ada Lovelace")
    @NotBlank
    @Size(max = 100)
    @ReadableName
    String name,
    @Schema(description = "The user's e-mail address: an ASCII local part, a domain name (an internationalised one is"
        + " stored as its A-label); stored lower-cased in NFC, unique in that form", example = "ada@example.com")
    @NotBlank
    @Size(max = 254)
    @MailableAddress
    String email) {
}
