package dev.troupe.users;

/**
 * The reply a registration command gets when it asked for one (reply_to): created with the user,
 * rejected with the reason, or already processed (a redelivery).
 */
public record RegistrationOutcome(String status, User user, String reason) {

    public static final String CREATED = "created";
    public static final String REJECTED = "rejected";
    public static final String ALREADY_PROCESSED = "already_processed";

    public static RegistrationOutcome created(User user) {
        return new RegistrationOutcome(CREATED, user, null);
    }

    public static RegistrationOutcome rejected(String reason) {
        return new RegistrationOutcome(REJECTED, null, reason);
    }

    public static RegistrationOutcome alreadyProcessed() {
        return new RegistrationOutcome(ALREADY_PROCESSED, null, null);
    }
}
