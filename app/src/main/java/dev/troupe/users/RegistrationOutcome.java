package dev.troupe.users;

/**
 * The reply a registration command gets when it asked for one (reply_to): created with the user,
 * or rejected with the reason. A redelivered command is dropped by the inbox and gets no reply: a
 * requester still waiting answers 202 when its wait ends, and the request's status has the outcome.
 */
public record RegistrationOutcome(String status, User user, String reason) {

    public static final String CREATED = "created";
    public static final String REJECTED = "rejected";

    public static RegistrationOutcome created(User user) {
        return new RegistrationOutcome(CREATED, user, null);
    }

    public static RegistrationOutcome rejected(String reason) {
        return new RegistrationOutcome(REJECTED, null, reason);
    }
}
