package dev.troupe.gateway.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.troupe.users.User;
import dev.troupe.gateway.CommandPublisher;
import dev.troupe.gateway.RequestLog;
import dev.troupe.gateway.RequestStatus;
import dev.troupe.messaging.PublishFailedException;
import dev.troupe.events.CreateUser;
import dev.troupe.events.DeleteUser;
import dev.troupe.users.RegistrationOutcome;
import dev.troupe.web.Problems;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's external_user_api, and how its client learns the outcome. It answers 202 only once
 * the broker has confirmed the command, with the request's status at
 * {@code /external_users/requests/{id}}; with {@code Prefer: wait=N} (RFC 7240) it waits up to N
 * seconds for the outcome, by request/reply over the broker. If the broker cannot take the
 * command: 503, so the client knows to retry.
 */
@Tag(name = "gateway", description = "The seed's external_user_api: commands on the broker, and what became of them")
@RestController
public class ExternalUserController {

    private static final Logger log = LoggerFactory.getLogger(ExternalUserController.class);

    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final CommandPublisher commands;
    private final RequestLog requests;
    private final String usersUrl;

    /** @param usersUrl the users service's base URL for the Location of a created user ("" for this process), or null if unknown */
    public ExternalUserController(CommandPublisher commands, RequestLog requests, String usersUrl) {
        this.commands = commands;
        this.requests = requests;
        this.usersUrl = usersUrl;
    }

    @Operation(summary = "Request a registration",
        description = "Publishes create_user once the broker has confirmed it. With Prefer: wait=N (at most 30) waits for the outcome.")
    @ApiResponse(responseCode = "202", description = "The broker took the command; its status is at Location",
        content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "201", description = "With Prefer: wait, the user, registered in time",
        content = @Content(schema = @Schema(implementation = User.class)))
    @ApiResponse(responseCode = "409", description = "With Prefer: wait, the registration was rejected (address taken)")
    @ApiResponse(responseCode = "503", description = "The broker cannot take the command now; retry after Retry-After")
    @PostMapping({"/external_users", "/external_users/"})
    ResponseEntity<?> register(@Valid @RequestBody CreateUser request,
                               @Parameter(description = "RFC 7240 preference, e.g. wait=5 to wait up to 5 s for the outcome")
                               @RequestHeader(name = "Prefer", required = false) String prefer) {
        Optional<Duration> wait = Preferences.waitOf(prefer).map(w -> w.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : w);
        if (wait.isEmpty()) {
            return accepted(commands.createUser(request));
        }
        CommandPublisher.Waited waited = commands.createUserAndWait(request, wait.get());
        return waited.outcome().<ResponseEntity<?>>map(outcome -> settled(waited.requestId(), outcome))
            .orElseGet(() -> accepted(waited.requestId()));
    }

    @Operation(summary = "Request a deletion", description = "Publishes delete_user {\"user_id\"} once the broker has confirmed it.")
    @ApiResponse(responseCode = "202", description = "The broker took the command; its status is at Location",
        content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "503", description = "The broker cannot take the command now; retry after Retry-After")
    @DeleteMapping({"/external_users/{user_id}", "/external_users/{user_id}/"})
    ResponseEntity<?> delete(@Parameter(description = "The user's id, a UUID") @PathVariable("user_id") UUID userId) {
        return accepted(commands.deleteUser(new DeleteUser(userId)));
    }

    @Operation(summary = "What became of a request", description = "Pending, then created, rejected, deleted or failed, from the users service's events.")
    @ApiResponse(responseCode = "200", description = "The request's status",
        content = @Content(schema = @Schema(implementation = RequestStatus.class)))
    @GetMapping("/external_users/requests/{request_id}")
    ResponseEntity<?> status(@Parameter(description = "The request id the 202 gave") @PathVariable("request_id") String requestId) {
        return requests.find(requestId).<ResponseEntity<?>>map(ResponseEntity::ok)
            .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "Request not found", "No request " + requestId));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> brokerUnavailable(PublishFailedException e) {
        log.warn("Command not taken by the broker, answering 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
            .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Message broker unavailable", e.getMessage()));
    }

    private ResponseEntity<?> settled(String requestId, RegistrationOutcome outcome) {
        return switch (outcome.status()) {
            case RegistrationOutcome.CREATED -> created(outcome).header("Content-Location", statusPath(requestId))
                .body(outcome.user());
            case RegistrationOutcome.REJECTED -> {
                ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "Registration rejected", outcome.reason());
                problem.setProperty("request_id", requestId);
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
            default -> accepted(requestId);
        };
    }

    private ResponseEntity.BodyBuilder created(RegistrationOutcome outcome) {
        return usersUrl == null ? ResponseEntity.status(HttpStatus.CREATED)
            : ResponseEntity.created(URI.create(usersUrl + "/users/" + outcome.user().id()));
    }

    private static ResponseEntity<Accepted> accepted(String requestId) {
        return ResponseEntity.accepted().location(URI.create(statusPath(requestId)))
            .body(new Accepted(requestId, RequestStatus.PENDING, statusPath(requestId)));
    }

    private static String statusPath(String requestId) {
        return "/external_users/requests/" + requestId;
    }

    /** The command was taken by the broker; {@code request_id} is its message id. */
    @Schema(description = "A command the broker has taken")
    record Accepted(@Schema(description = "The request's id: the command's message id and its events' correlation id") String requestId,
                    @Schema(description = "Always pending here") String status,
                    @Schema(description = "Where its status is, also in Location") String statusUrl) {
    }
}
