package dev.troupe.mailer;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks the users service for a user's name and address on record; the broker adapter implements
 * it. The mailer mails what this answers, never what an event says: an event can be stale, or
 * forged by any process the broker lets publish.
 */
public interface UserDirectory {

    /** The user on record, empty if it no longer exists. @throws RuntimeException when there is no answer: the caller retries later */
    Optional<Recipient> recipient(UUID userId);

    /**
     * Each of these users on record (empty: gone), in one question: only the users the answer named.
     * @throws RuntimeException when there is no answer
     */
    Map<UUID, Optional<Recipient>> recipients(Collection<UUID> userIds);
}
