package dev.troupe.users;

import dev.troupe.TroupeService;
import dev.troupe.users.amqp.UserStatusResponder;
import dev.troupe.users.web.UserController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The users service: the seed's user_api, {@code /users/}. */
@TroupeService(name = UsersConfiguration.NAME)
@Import(UsersCoreConfiguration.class)
public class UsersConfiguration {

    /** Its name in {@code troupe.services}. */
    public static final String NAME = "users";

    @Bean
    UserController userController(UserService users) {
        return new UserController(users);
    }

    @Bean
    UserStatusResponder userStatusResponder(UserService users, io.micrometer.core.instrument.MeterRegistry meters) {
        return new UserStatusResponder(users, meters);
    }
}
