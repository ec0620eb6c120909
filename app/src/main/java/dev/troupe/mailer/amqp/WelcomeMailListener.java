package dev.troupe.mailer.amqp;

import dev.troupe.mailer.WelcomeMailing;
import dev.troupe.messaging.Inbox;
import dev.troupe.messaging.Subscriber;
import dev.troupe.topology.Topology;
import dev.troupe.users.CreateUser;
import org.springframework.amqp.core.Message;

/** The seed's naive flow ({@code troupe.flow=naive}): a welcome mail for every create_user command. */
@Subscriber(name = "mailer.create-user", queue = Topology.CREATE_USER_MAIL_QUEUE)
public class WelcomeMailListener {

    private final WelcomeMailing mailing;

    public WelcomeMailListener(WelcomeMailing mailing) {
        this.mailing = mailing;
    }

    void on(CreateUser command, Message message) {
        mailing.welcomeRequestedUser(Inbox.idOf(message), command.name(), command.email());
    }
}
