package dev.troupe.users;

import dev.troupe.ConditionalOnService;
import dev.troupe.Services;
import dev.troupe.users.amqp.UserStatusResponder;
import dev.troupe.users.web.UserController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The users service: the seed's user_api, {@code /users/}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnService(Services.USERS)
@Import(UsersCoreConfiguration.class)
public class UsersConfiguration {

    @Bean
    UserController userController(UserService users) {
        return new UserController(users);
    }

    @Bean
    UserStatusResponder userStatusResponder(UserService users) {
        return new UserStatusResponder(users);
    }
}
