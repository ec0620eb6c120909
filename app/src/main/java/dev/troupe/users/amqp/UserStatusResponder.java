package dev.troupe.users.amqp;

import dev.troupe.topology.Topology;
import dev.troupe.users.UserService;
import dev.troupe.users.UserStatus;
import dev.troupe.users.UserStatusQuery;
import jakarta.validation.Valid;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.messaging.handler.annotation.Payload;

/** Answers "does this user exist?" to the query's reply_to, with its correlation id. */
public class UserStatusResponder {

    private final UserService users;

    public UserStatusResponder(UserService users) {
        this.users = users;
    }

    /** A query without reply_to (say, redelivered after a failure) has nobody waiting: no answer. */
    @RabbitListener(id = "users.status", queues = Topology.USER_STATUS_QUEUE)
    UserStatus on(@Valid @Payload UserStatusQuery query, Message message) {
        return message.getMessageProperties().getReplyTo() == null ? null : users.status(query.userId());
    }
}
