package dev.troupe.mailer;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Asks the users service whether users still exist; the broker adapter implements it. */
public interface UserDirectory {

    /** @throws RuntimeException when there is no answer: the caller retries later */
    boolean exists(UUID userId);

    /** Whether each of these users exists, in one question: only the users the answer named. @throws RuntimeException when there is no answer */
    Map<UUID, Boolean> statuses(Collection<UUID> userIds);
}
