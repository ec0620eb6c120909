package dev.troupe.users;

import dev.troupe.outbox.Outbox;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The users domain, shared by the HTTP service and the command consumers. */
@Configuration(proxyBeanMethods = false)
class UsersCoreConfiguration {

    @Bean
    UserService userService(JdbcClient jdbc, Outbox outbox, Clock clock) {
        return new UserService(new Users(jdbc, clock), outbox, clock, new UserIds(clock));
    }
}
