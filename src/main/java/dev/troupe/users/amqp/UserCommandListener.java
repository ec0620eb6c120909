package dev.troupe.users.amqp;

import dev.troupe.messaging.Topology;
import dev.troupe.users.CreateUser;
import dev.troupe.users.DeleteUser;
import dev.troupe.users.EmailAlreadyRegisteredException;
import dev.troupe.users.User;
import dev.troupe.users.UserNotFoundException;
import dev.troupe.users.UserService;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

/**
 * Applies the seed's commands to the users' store. The container acknowledges a command only
 * after this method returns, that is after its transaction committed. A command that is valid
 * but cannot apply (e-mail taken, user already gone) is a business outcome, not a failure:
 * it is logged and acknowledged, never redelivered.
 */
public class UserCommandListener {

    private static final Logger log = LoggerFactory.getLogger(UserCommandListener.class);

    private final UserService users;

    public UserCommandListener(UserService users) {
        this.users = users;
    }

    @RabbitListener(id = "user-commands.create", queues = Topology.CREATE_USER_OPERATION_QUEUE)
    void on(@Valid @Payload CreateUser command, @Header(name = AmqpHeaders.MESSAGE_ID, required = false) String messageId) {
        try {
            User user = users.register(command);
            log.info("Registered user {} from message {}", user.id(), messageId);
        } catch (EmailAlreadyRegisteredException e) {
            log.info("Message {} not applied: {}", messageId, e.getMessage());
        }
    }

    @RabbitListener(id = "user-commands.delete", queues = Topology.DELETE_USER_OPERATION_QUEUE)
    void on(@Valid @Payload DeleteUser command, @Header(name = AmqpHeaders.MESSAGE_ID, required = false) String messageId) {
        try {
            users.delete(command.userId());
            log.info("Deleted user {} from message {}", command.userId(), messageId);
        } catch (UserNotFoundException e) {
            log.info("Message {} not applied: {}", messageId, e.getMessage());
        }
    }
}
