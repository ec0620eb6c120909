package dev.troupe.users.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.troupe.events.CreateUser;
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
@Tag(name = "users", description = "The users service (the seed's user_api): registration, lookup and deletion")
@RestController
public class UserController {

    static final String REQUEST_ID = "X-Request-Id";

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "Register a user",
        description = "Stores the user and its user_created event in one transaction; the mailer and the coupons follow it.")
    @ApiResponse(responseCode = "201", description = "Registered; Location is /users/{id}")
    @ApiResponse(responseCode = "409", description = "The e-mail address is already registered (compared case-insensitively)")
    @PostMapping({"/users", "/users/"})
    ResponseEntity<User> register(@Valid @RequestBody CreateUser request,
                                  @Parameter(description = "The caller's request id, carried as the event's correlation id")
                                  @RequestHeader(name = REQUEST_ID, required = false) String requestId) {
        User user = users.register(request, requestIdOr(requestId));
        return ResponseEntity.created(URI.create("/users/" + user.id())).body(user);
    }

    @Operation(summary = "List users", description = "In registration order, a page at a time; ?email= finds one address.")
    @ApiResponse(responseCode = "200", description = "One page of users")
    @GetMapping({"/users", "/users/"})
    UserPage list(@Parameter(description = "Only the user with this address (any case)") @RequestParam(required = false) String email,
                  @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
                  @Parameter(description = "Users per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return users.list(email, page, size);
    }

    @Operation(summary = "Read a user")
    @ApiResponse(responseCode = "200", description = "The user")
    @GetMapping("/users/{user_id}")
    User get(@Parameter(description = "The user's id, a UUID") @PathVariable("user_id") UUID id) {
        return users.get(id);
    }

    @Operation(summary = "Delete a user", description = "Deletes the user and records user_deleted; the user's coupon is revoked.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/users/{user_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@Parameter(description = "The user's id, a UUID") @PathVariable("user_id") UUID id,
                @Parameter(description = "The caller's request id, carried as the event's correlation id")
                @RequestHeader(name = REQUEST_ID, required = false) String requestId) {
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
