package dev.troupe.gateway.web;

import dev.troupe.gateway.CommandPublisher;
import dev.troupe.gateway.RequestLog;
import dev.troupe.gateway.RequestStatus;
import dev.troupe.messaging.PublishFailedException;
import dev.troupe.users.CreateUser;
import dev.troupe.users.DeleteUser;
import dev.troupe.users.RegistrationOutcome;
import dev.troupe.web.Problems;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
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
@RestController
public class ExternalUserController {

    private static final Logger log = LoggerFactory.getLogger(ExternalUserController.class);

    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final CommandPublisher commands;
    private final RequestLog requests;

    public ExternalUserController(CommandPublisher commands, RequestLog requests) {
        this.commands = commands;
        this.requests = requests;
    }

    @PostMapping({"/external_users", "/external_users/"})
    ResponseEntity<?> register(@Valid @RequestBody CreateUser request,
                               @RequestHeader(name = "Prefer", required = false) String prefer) {
        Optional<Duration> wait = Preferences.waitOf(prefer).map(w -> w.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : w);
        if (wait.isEmpty()) {
            return accepted(commands.createUser(request));
        }
        CommandPublisher.Waited waited = commands.createUserAndWait(request, wait.get());
        return waited.outcome().<ResponseEntity<?>>map(outcome -> settled(waited.requestId(), outcome))
            .orElseGet(() -> accepted(waited.requestId()));
    }

    @DeleteMapping({"/external_users/{userId}", "/external_users/{userId}/"})
    ResponseEntity<?> delete(@PathVariable long userId) {
        return accepted(commands.deleteUser(new DeleteUser(userId)));
    }

    @GetMapping("/external_users/requests/{requestId}")
    ResponseEntity<?> status(@PathVariable String requestId) {
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
            case RegistrationOutcome.CREATED -> ResponseEntity.created(URI.create("/users/" + outcome.user().id()))
                .header("Content-Location", statusPath(requestId)).body(outcome.user());
            case RegistrationOutcome.REJECTED -> {
                ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "Registration rejected", outcome.reason());
                problem.setProperty("request_id", requestId);
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
            default -> accepted(requestId);
        };
    }

    private static ResponseEntity<Accepted> accepted(String requestId) {
        return ResponseEntity.accepted().location(URI.create(statusPath(requestId)))
            .body(new Accepted(requestId, RequestStatus.PENDING, statusPath(requestId)));
    }

    private static String statusPath(String requestId) {
        return "/external_users/requests/" + requestId;
    }

    /** The command was taken by the broker; {@code request_id} is its message id. */
    record Accepted(String requestId, String status, String statusUrl) {
    }
}
