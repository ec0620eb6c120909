package dev.troupe.gateway.web;

import dev.troupe.gateway.CommandPublisher;
import dev.troupe.messaging.PublishFailedException;
import dev.troupe.users.CreateUser;
import dev.troupe.users.DeleteUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's external_user_api. It answers 202 only once the broker has confirmed the command;
 * if the broker cannot take it, 503, so the client knows to retry.
 */
@RestController
public class ExternalUserController {

    private final CommandPublisher commands;

    public ExternalUserController(CommandPublisher commands) {
        this.commands = commands;
    }

    @PostMapping({"/external_users", "/external_users/"})
    ResponseEntity<Accepted> register(@Valid @RequestBody CreateUser request) {
        return ResponseEntity.accepted().body(new Accepted(commands.createUser(request)));
    }

    @DeleteMapping({"/external_users/{userId}", "/external_users/{userId}/"})
    ResponseEntity<Accepted> delete(@PathVariable long userId) {
        return ResponseEntity.accepted().body(new Accepted(commands.deleteUser(new DeleteUser(userId))));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> brokerUnavailable(PublishFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Message broker unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /** The command was taken by the broker; {@code request_id} is its message id. */
    record Accepted(String requestId) {
    }
}
