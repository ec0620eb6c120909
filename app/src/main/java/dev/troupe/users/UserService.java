package dev.troupe.users;

import dev.troupe.events.ReadableNames;
import dev.troupe.events.EmailAddresses;
import dev.troupe.events.UserStatuses;
import dev.troupe.events.UserStatus;
import dev.troupe.events.UserDeletionRejected;
import dev.troupe.events.UserRegistrationRejected;
import dev.troupe.events.UserDeleted;
import dev.troupe.events.UserCreated;
import dev.troupe.events.CreateUser;
import dev.troupe.messaging.asyncapi.Publishes;
import dev.troupe.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users service's domain operations. The HTTP API and the command consumers both call these,
 * so a user registered either way follows the same rules, and every change commits together with
 * its event in the outbox: no event without the change, no change without its event.
 */
@Publishes({UserCreated.class, UserRegistrationRejected.class, UserDeleted.class, UserDeletionRejected.class})
public class UserService {

    private final Users users;
    private final Outbox outbox;
    private final Clock clock;
    private final Supplier<UUID> ids;

    UserService(Users users, Outbox outbox, Clock clock, Supplier<UUID> ids) {
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Registers a user and records {@code user_created}. The name and the address are stored in the
     * form the rest of the system uses ({@link ReadableNames}, {@link EmailAddresses}): the address
     * lower-cased, with its domain as an A-label, so two spellings of one address are one user.
     *
     * @param requestId the originating request, carried as the event's correlation id
     */
    @Transactional
    public User register(CreateUser request, String requestId) {
        User user = users.insert(ids.get(), ReadableNames.normalised(request.name()), normalized(request.email()));
        outbox.publish(new UserCreated(UUID.randomUUID(), user.id(), user.name(), user.email(), clock.instant()), requestId);
        return user;
    }

    /** Records that a queued registration could not be applied, so its requester can learn why. */
    @Transactional
    public void reject(CreateUser request, String reason, String requestId) {
        outbox.publish(new UserRegistrationRejected(UUID.randomUUID(), normalized(request.email()), reason, clock.instant()),
            requestId);
    }

    /** Records that a queued deletion found no such user, so its requester can learn why. */
    @Transactional
    public void rejectDeletion(UUID id, String reason, String requestId) {
        outbox.publish(new UserDeletionRejected(UUID.randomUUID(), id, reason, clock.instant()), requestId);
    }

    @Transactional(readOnly = true)
    public User get(UUID id) {
        return users.find(id).orElseThrow(() -> new UserNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public UserStatus status(UUID id) {
        return users.find(id).map(UserService::statusOf).orElseGet(() -> UserStatus.absent(id));
    }

    /** One status per id, in the order given, with the name and address on record, from one query. */
    @Transactional(readOnly = true)
    public UserStatuses statuses(java.util.List<UUID> ids) {
        java.util.Map<UUID, User> found = users.found(ids);
        return new UserStatuses(ids.stream()
            .map(id -> found.containsKey(id) ? statusOf(found.get(id)) : UserStatus.absent(id)).toList());
    }

    /** Users in id order (the order they registered in), all of them or only the one with {@code email} when it is not null. */
    @Transactional(readOnly = true)
    public UserPage list(String email, int page, int size) {
        String address = email == null ? null : normalized(email);
        return new UserPage(users.page(address, page, size), page, size, users.count(address));
    }

    /** Deletes a user and records {@code user_deleted}. */
    @Transactional
    public void delete(UUID id, String requestId) {
        if (!users.delete(id)) {
            throw new UserNotFoundException(id);
        }
        outbox.publish(new UserDeleted(UUID.randomUUID(), id, clock.instant()), requestId);
    }

    private static UserStatus statusOf(User user) {
        return UserStatus.onRecord(user.id(), user.name(), user.email());
    }

    private static String normalized(String email) {
        return EmailAddresses.normalisedOrAsGiven(email);
    }
}
