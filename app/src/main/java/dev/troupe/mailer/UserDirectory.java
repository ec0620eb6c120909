package dev.troupe.mailer;

import java.util.UUID;

/** Asks the users service whether a user still exists; the broker adapter implements it. */
public interface UserDirectory {

    /** @throws RuntimeException when there is no answer: the caller retries later */
    boolean exists(UUID userId);
}
