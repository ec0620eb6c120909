package dev.troupe.users.amqp;

import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;
import dev.troupe.topology.Topology;
import dev.troupe.events.CreateUser;
import dev.troupe.users.EmailAlreadyRegisteredException;
import dev.troupe.users.RegistrationOutcome;
import dev.troupe.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's create_user consumer. The machinery runs it in a transaction with its inbox row and
 * acknowledges the command after the commit; its return value is the reply to a command that
 * asked for one (reply_to). A valid registration that cannot apply (e-mail taken) is a business
 * outcome, recorded as a rejection event in the same transaction.
 */
@Subscriber(name = "user-commands", queue = Topology.CREATE_USER_OPERATION_QUEUE)
public class RegistrationCommands {

    private static final Logger log = LoggerFactory.getLogger(RegistrationCommands.class);

    private final UserService users;
    private final TransactionTemplate attempt;

    /** @param attempt a nested transaction (a savepoint): a refused insert leaves the command's transaction usable */
    public RegistrationCommands(UserService users, TransactionTemplate attempt) {
        this.users = users;
        this.attempt = attempt;
    }

    @Handler

    RegistrationOutcome on(CreateUser command, Message message) {
        String requestId = Envelopes.idOf(message);
        try {
            return RegistrationOutcome.created(attempt.execute(status -> users.register(command, requestId)));
        } catch (EmailAlreadyRegisteredException e) {
            users.reject(command, e.getMessage(), requestId);
            log.info("Registration {} rejected: {}", requestId, e.getMessage());
            return RegistrationOutcome.rejected(e.getMessage());
        }
    }
}
