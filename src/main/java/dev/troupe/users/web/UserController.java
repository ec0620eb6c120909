package dev.troupe.users.web;

import dev.troupe.users.CreateUser;
import dev.troupe.users.EmailAlreadyRegisteredException;
import dev.troupe.users.User;
import dev.troupe.users.UserNotFoundException;
import dev.troupe.users.UserPage;
import dev.troupe.users.UserService;
import dev.troupe.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The seed's user_api: {@code /users/}, with and without the trailing slash. */
@RestController
public class UserController {

    static final String REQUEST_ID = "X-Request-Id";

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @PostMapping({"/users", "/users/"})
    ResponseEntity<User> register(@Valid @RequestBody CreateUser request,
                                  @RequestHeader(name = REQUEST_ID, required = false) String requestId) {
        User user = users.register(request, requestIdOr(requestId));
        return ResponseEntity.created(URI.create("/users/" + user.id())).body(user);
    }

    @GetMapping({"/users", "/users/"})
    UserPage list(@RequestParam(required = false) String email,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return users.list(email, page, size);
    }

    @GetMapping("/users/{id}")
    User get(@PathVariable long id) {
        return users.get(id);
    }

    @DeleteMapping("/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestHeader(name = REQUEST_ID, required = false) String requestId) {
        users.delete(id, requestIdOr(requestId));
    }

    /** The caller's request id, if it sent one, becomes the events' correlation id. */
    private static String requestIdOr(String requestId) {
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }

    @ExceptionHandler
    ProblemDetail notFound(UserNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "User not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(EmailAlreadyRegisteredException e) {
        return Problems.problem(HttpStatus.CONFLICT, "E-mail already registered", e.getMessage());
    }
}
