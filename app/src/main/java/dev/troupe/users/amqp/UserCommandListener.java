package dev.troupe.users.amqp;

import dev.troupe.messaging.Inbox;
import dev.troupe.topology.Topology;
import dev.troupe.users.CreateUser;
import dev.troupe.users.DeleteUser;
import dev.troupe.users.EmailAlreadyRegisteredException;
import dev.troupe.users.RegistrationOutcome;
import dev.troupe.users.UserNotFoundException;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.messaging.handler.annotation.Payload;

/**
 * Applies the seed's commands to the users' store. The container acknowledges a command only
 * after this method returns, that is after its transaction committed. A redelivered command has no
 * second effect (inbox). A command that is valid but cannot apply (e-mail taken, user already
 * gone) is a business outcome, not a failure: the e-mail case is recorded as a rejection event.
 */
public class UserCommandListener {

    private static final Logger log = LoggerFactory.getLogger(UserCommandListener.class);

    private final UserCommands commands;

    public UserCommandListener(UserCommands commands) {
        this.commands = commands;
    }

    /**
     * Returns the outcome only when the command asked for a reply (reply_to): Spring AMQP then
     * sends it, with the command's correlation id, once this method (and its commit) is done.
     */
    @RabbitListener(id = "user-commands.create", queues = Topology.CREATE_USER_OPERATION_QUEUE)
    RegistrationOutcome on(@Valid @Payload CreateUser command, Message message) {
        String requestId = Inbox.idOf(message);
        RegistrationOutcome outcome;
        try {
            outcome = commands.create(command, message, requestId);
        } catch (EmailAlreadyRegisteredException e) {
            outcome = commands.reject(command, e.getMessage(), message, requestId);
            log.info("Registration {} rejected: {}", requestId, e.getMessage());
        }
        return message.getMessageProperties().getReplyTo() == null ? null : outcome;
    }

    @RabbitListener(id = "user-commands.delete", queues = Topology.DELETE_USER_OPERATION_QUEUE)
    void on(@Valid @Payload DeleteUser command, Message message) {
        String requestId = Inbox.idOf(message);
        try {
            commands.delete(command, message, requestId);
        } catch (UserNotFoundException e) {
            commands.rejectDeletion(command, e.getMessage(), message, requestId);
            log.info("Deletion {} rejected: {}", requestId, e.getMessage());
        }
    }
}
