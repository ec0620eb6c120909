package dev.troupe.users;

import dev.troupe.ConditionalOnService;
import dev.troupe.Services;
import dev.troupe.messaging.Inbox;
import dev.troupe.messaging.MessagingSettings;
import dev.troupe.users.amqp.UserCommandListener;
import dev.troupe.users.amqp.UserCommands;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The user-commands service: the seed's create_user and delete_user consumers, applying the
 * commands through {@link UserService} itself rather than over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnService(Services.USER_COMMANDS)
@Import(UsersCoreConfiguration.class)
public class UserCommandsConfiguration {

    @Bean
    Inbox usersInbox(JdbcClient jdbc, Clock clock, MessagingSettings messaging) {
        return new Inbox(jdbc, clock, messaging.schema().inboxTable());
    }

    @Bean
    UserCommands userCommands(UserService users, Inbox usersInbox) {
        return new UserCommands(users, usersInbox);
    }

    @Bean
    UserCommandListener userCommandListener(UserCommands commands) {
        return new UserCommandListener(commands);
    }
}
