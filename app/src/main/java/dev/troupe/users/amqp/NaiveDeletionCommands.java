package dev.troupe.users.amqp;

import dev.troupe.topology.Topology;
import dev.troupe.topology.TopologyConfiguration;
import dev.troupe.users.web.UsersApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import tools.jackson.databind.json.JsonMapper;

/** The seed's delete_user consumer, as {@link NaiveRegistrationCommands} is its create_user one. */
public class NaiveDeletionCommands {

    public static final String ID = "user-commands.naive-delete";
    private static final Logger log = LoggerFactory.getLogger(NaiveDeletionCommands.class);

    private final UsersApiClient users;
    private final JsonMapper json;

    public NaiveDeletionCommands(UsersApiClient users, JsonMapper json) {
        this.users = users;
        this.json = json;
    }

    @RabbitListener(id = ID, queues = Topology.DELETE_USER_OPERATION_QUEUE, containerFactory = TopologyConfiguration.NAIVE_LISTENERS)
    void on(Message message) {
        try {
            users.delete(json.readTree(message.getBody()).path("user_id").asString());
        } catch (RuntimeException e) {
            log.warn("delete_user {} not applied, and gone (naive flow: acknowledged on receipt): {}",
                message.getMessageProperties().getMessageId(), e.getMessage());
        }
    }
}
