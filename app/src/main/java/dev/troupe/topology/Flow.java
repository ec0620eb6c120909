package dev.troupe.topology;

/**
 * How the welcome mail is triggered ({@code troupe.flow}). {@link #NAIVE} is the seed's: the
 * mailer consumes the create_user command beside the users service, so a mail goes out even when
 * registration fails. {@link #RELIABLE}, the default: the mailer consumes user_created, published
 * through the users service's outbox only once the user was committed.
 */
public enum Flow {
    RELIABLE,
    NAIVE
}
