package dev.troupe.mailer.amqp;

import dev.troupe.mailer.WelcomeMailing;
import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Prepare;
import dev.troupe.messaging.Subscriber;
import dev.troupe.messaging.asyncapi.Requests;
import dev.troupe.topology.Topology;
import dev.troupe.events.UserCreated;
import dev.troupe.events.UserStatus;
import dev.troupe.events.UserStatusQuery;
import dev.troupe.events.UserStatuses;

/**
 * The reliable flow: a welcome mail for every user_created, the event of a committed registration.
 * Its mailing asks the users service who each user is, over the broker ({@link AmqpUserDirectory}).
 */
@Subscriber(name = UserCreatedMailListener.ID, queue = Topology.USER_CREATED_MAIL_QUEUE)
@Requests(queue = Topology.USER_STATUS_QUEUE, value = UserStatusQuery.class, replies = {UserStatus.class, UserStatuses.class})
public class UserCreatedMailListener {

    /** The listener's id and inbox name; its concurrency is set by the mailer's configuration. */
    public static final String ID = "mailer.user-created";

    private final WelcomeMailing mailing;

    public UserCreatedMailListener(WelcomeMailing mailing) {
        this.mailing = mailing;
    }

    /** A batch's users are checked in one request to the users service, not one each. */
    @Prepare
    void prepare(java.util.List<UserCreated> batch) {
        mailing.prepare(batch.stream().map(UserCreated::userId).toList());
    }

    @Handler

    void on(UserCreated event) {
        mailing.welcomeRegisteredUser(event.eventId().toString(), event.userId(), event.email());
    }
}
