package dev.troupe.mailer.amqp;

import dev.troupe.mailer.WelcomeMailing;
import dev.troupe.topology.Topology;
import dev.troupe.users.UserCreated;
import jakarta.validation.Valid;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.messaging.handler.annotation.Payload;

/** The reliable flow: a welcome mail for every user_created, the event of a committed registration. */
public class UserCreatedMailListener {

    /** The listener's id; its concurrency is set by the mailer's configuration. */
    public static final String ID = "mailer.user-created";

    private final WelcomeMailing mailing;

    public UserCreatedMailListener(WelcomeMailing mailing) {
        this.mailing = mailing;
    }

    @RabbitListener(id = ID, queues = Topology.USER_CREATED_MAIL_QUEUE)
    void on(@Valid @Payload UserCreated event) {
        mailing.welcomeRegisteredUser(event.eventId().toString(), event.userId(), event.name(), event.email());
    }
}
