package dev.troupe.mailer;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Asks the users service whether users still exist; the broker adapter implements it. */
public interface UserDirectory {

    /** @throws RuntimeException when there is no answer: the caller retries later */
    boolean exists(UUID userId);

    /** Which of these users exist, in one question. @throws RuntimeException when there is no answer */
    Set<UUID> existing(Collection<UUID> userIds);
}
