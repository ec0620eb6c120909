package dev.troupe.mailer.amqp;

import dev.troupe.mailer.WelcomeMail;
import dev.troupe.mailer.WelcomeMailer;
import dev.troupe.topology.Topology;
import dev.troupe.topology.TopologyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's send_mail_consumer, as the seed built it ({@code troupe.flow=naive}): bound to the
 * create_user command beside the users service, it mails whoever a command names, registered or
 * not, and the message is gone from the broker once delivered (auto-ack). Nothing checks the user,
 * nothing records the mail, nothing retries: a mail that fails is lost, one that succeeds twice is
 * sent twice. Kept so that {@code troupe scenario} can show what the reliable flow prevents.
 */
public class WelcomeMailListener {

    public static final String ID = "mailer.create-user";
    private static final Logger log = LoggerFactory.getLogger(WelcomeMailListener.class);

    private final WelcomeMailer mailer;
    private final JsonMapper json;

    public WelcomeMailListener(WelcomeMailer mailer, JsonMapper json) {
        this.mailer = mailer;
        this.json = json;
    }

    @RabbitListener(id = ID, queues = Topology.CREATE_USER_MAIL_QUEUE, containerFactory = TopologyConfiguration.NAIVE_LISTENERS)
    void on(Message message) {
        String id = message.getMessageProperties().getMessageId();
        try {
            JsonNode command = json.readTree(message.getBody());
            mailer.send(WelcomeMail.to(command.path("name").asString(), command.path("email").asString()),
                "<" + (id == null ? java.util.UUID.randomUUID() : id) + "@troupe>");
        } catch (RuntimeException e) {
            log.warn("create_user {} lost, no welcome mail sent (naive flow: acknowledged on receipt): {}", id, e.toString());
        }
    }
}
