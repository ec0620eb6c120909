package dev.troupe.mailer.amqp;

import dev.troupe.mailer.WelcomeMailing;
import dev.troupe.messaging.Topology;
import dev.troupe.users.UserCreated;
import org.springframework.amqp.rabbit.annotation.RabbitListener;

/** The reliable flow: a welcome mail for every user_created, the event of a committed registration. */
public class UserCreatedMailListener {

    private final WelcomeMailing mailing;

    public UserCreatedMailListener(WelcomeMailing mailing) {
        this.mailing = mailing;
    }

    @RabbitListener(id = "mailer.user-created", queues = Topology.USER_CREATED_MAIL_QUEUE)
    void on(UserCreated event) {
        mailing.welcomeRegisteredUser(event.eventId().toString(), event.userId(), event.name(), event.email());
    }
}
