package dev.troupe.users.amqp;

import dev.troupe.messaging.asyncapi.RepliesWith;
import dev.troupe.topology.Topology;
import dev.troupe.users.UserService;
import dev.troupe.events.UserStatus;
import dev.troupe.events.UserStatusQuery;
import dev.troupe.events.UserStatuses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Valid;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.messaging.handler.annotation.Payload;

/** Answers "does this user exist?" to the query's reply_to, with its correlation id. */
public class UserStatusResponder {

    /** Counter of status queries answered, by kind: {@code one} user or {@code many}. */
    public static final String QUERIES = "troupe.users.status.queries";

    private final UserService users;
    private final Counter one;
    private final Counter many;

    public UserStatusResponder(UserService users, MeterRegistry meters) {
        this.users = users;
        this.one = meters.counter(QUERIES, "kind", "one");
        this.many = meters.counter(QUERIES, "kind", "many");
    }

    /**
     * A {@link UserStatus} for one user, {@link UserStatuses} for
     * many. A query without reply_to (say, redelivered after a failure) has nobody waiting: no answer.
     */
    @RabbitListener(id = "users.status", queues = Topology.USER_STATUS_QUEUE)
    @RepliesWith({UserStatus.class, UserStatuses.class})
    Object on(@Valid @Payload UserStatusQuery query, Message message) {
        if (message.getMessageProperties().getReplyTo() == null) {
            return null;
        }
        if (query.userIds() != null) {
            many.increment();
            return users.statuses(query.userIds());
        }
        one.increment();
        return users.status(query.userId());
    }
}
