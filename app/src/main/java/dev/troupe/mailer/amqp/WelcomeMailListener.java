package dev.troupe.mailer.amqp;

import dev.troupe.mailer.WelcomeMailing;
import dev.troupe.messaging.Inbox;
import dev.troupe.topology.Topology;
import dev.troupe.users.CreateUser;
import jakarta.validation.Valid;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.messaging.handler.annotation.Payload;

/** The seed's naive flow ({@code troupe.flow=naive}): a welcome mail for every create_user command. */
public class WelcomeMailListener {

    private final WelcomeMailing mailing;

    public WelcomeMailListener(WelcomeMailing mailing) {
        this.mailing = mailing;
    }

    @RabbitListener(id = "mailer.create-user", queues = Topology.CREATE_USER_MAIL_QUEUE)
    void on(@Valid @Payload CreateUser command, Message message) {
        mailing.welcomeRequestedUser(Inbox.idOf(message), command.name(), command.email());
    }
}
