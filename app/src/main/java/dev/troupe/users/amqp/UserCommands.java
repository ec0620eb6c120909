package dev.troupe.users.amqp;

import dev.troupe.messaging.Inbox;
import dev.troupe.users.CreateUser;
import dev.troupe.users.DeleteUser;
import dev.troupe.users.RegistrationOutcome;
import dev.troupe.users.UserService;
import org.springframework.amqp.core.Message;
import org.springframework.transaction.annotation.Transactional;

/** Each command's effect and its inbox row, in one transaction. */
public class UserCommands {

    static final String CONSUMER = "user-commands";

    private final UserService users;
    private final Inbox inbox;

    public UserCommands(UserService users, Inbox inbox) {
        this.users = users;
        this.inbox = inbox;
    }

    @Transactional
    public RegistrationOutcome create(CreateUser command, Message message, String requestId) {
        if (!inbox.firstDelivery(CONSUMER, message)) {
            return RegistrationOutcome.alreadyProcessed();
        }
        return RegistrationOutcome.created(users.register(command, requestId));
    }

    /** Its own transaction: the failed registration's was rolled back. */
    @Transactional
    public RegistrationOutcome reject(CreateUser command, String reason, Message message, String requestId) {
        if (!inbox.firstDelivery(CONSUMER, message)) {
            return RegistrationOutcome.alreadyProcessed();
        }
        users.reject(command, reason, requestId);
        return RegistrationOutcome.rejected(reason);
    }

    @Transactional
    public void delete(DeleteUser command, Message message, String requestId) {
        if (inbox.firstDelivery(CONSUMER + ".delete", message)) {
            users.delete(command.userId(), requestId);
        }
    }

    /** Its own transaction: the failed deletion's was rolled back. */
    @Transactional
    public void rejectDeletion(DeleteUser command, String reason, Message message, String requestId) {
        if (inbox.firstDelivery(CONSUMER + ".delete", message)) {
            users.rejectDeletion(command.userId(), reason, requestId);
        }
    }
}
