package dev.troupe.users.amqp;

import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;
import dev.troupe.topology.Topology;
import dev.troupe.events.DeleteUser;
import dev.troupe.users.UserNotFoundException;
import dev.troupe.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's delete_user consumer, run by the machinery like {@link RegistrationCommands}. A user
 * already gone is a business outcome, recorded as a rejection event.
 */
@Subscriber(name = "user-commands.delete", queue = Topology.DELETE_USER_OPERATION_QUEUE)
public class DeletionCommands {

    private static final Logger log = LoggerFactory.getLogger(DeletionCommands.class);

    private final UserService users;
    private final TransactionTemplate attempt;

    /** @param attempt a nested transaction (a savepoint), as for registrations */
    public DeletionCommands(UserService users, TransactionTemplate attempt) {
        this.users = users;
        this.attempt = attempt;
    }

    @Handler

    void on(DeleteUser command, Message message) {
        String requestId = Envelopes.idOf(message);
        try {
            attempt.executeWithoutResult(status -> users.delete(command.userId(), requestId));
        } catch (UserNotFoundException e) {
            users.rejectDeletion(command.userId(), e.getMessage(), requestId);
            log.info("Deletion {} rejected: {}", requestId, e.getMessage());
        }
    }
}
