package dev.troupe.users.amqp;

import dev.troupe.topology.Topology;
import dev.troupe.topology.TopologyConfiguration;
import dev.troupe.users.web.UsersApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;

/**
 * The seed's create_user consumer, as the seed built it ({@code troupe.flow=naive}): each command
 * acknowledged on receipt (auto-ack) and applied by calling the users service's HTTP API. A refusal
 * (the address taken) or a users service that does not answer ends the command: nobody is told,
 * nothing retries. Kept so that {@code troupe scenario} can show what the reliable flow prevents.
 */
public class NaiveRegistrationCommands {

    public static final String ID = "user-commands.naive";
    private static final Logger log = LoggerFactory.getLogger(NaiveRegistrationCommands.class);

    private final UsersApiClient users;

    public NaiveRegistrationCommands(UsersApiClient users) {
        this.users = users;
    }

    @RabbitListener(id = ID, queues = Topology.CREATE_USER_OPERATION_QUEUE, containerFactory = TopologyConfiguration.NAIVE_LISTENERS)
    void on(Message message) {
        try {
            users.register(message.getBody());
        } catch (RuntimeException e) {
            log.warn("create_user {} not applied, and gone (naive flow: acknowledged on receipt): {}",
                message.getMessageProperties().getMessageId(), e.getMessage());
        }
    }
}
