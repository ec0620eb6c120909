package dev.troupe.mailer.amqp;

import dev.troupe.mailer.WelcomeMail;
import dev.troupe.mailer.WelcomeMailer;
import dev.troupe.messaging.Topology;
import dev.troupe.users.CreateUser;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

/** The seed's send_mail_consumer: a welcome mail for every {@code create_user}. */
public class WelcomeMailListener {

    private static final Logger log = LoggerFactory.getLogger(WelcomeMailListener.class);

    private final WelcomeMailer mailer;

    public WelcomeMailListener(WelcomeMailer mailer) {
        this.mailer = mailer;
    }

    @RabbitListener(id = "mailer.create-user", queues = Topology.CREATE_USER_MAIL_QUEUE)
    void on(@Valid @Payload CreateUser command, @Header(name = AmqpHeaders.MESSAGE_ID, required = false) String messageId) {
        mailer.send(WelcomeMail.to(command.name(), command.email()));
        log.info("Sent welcome mail for message {}", messageId);
    }
}
