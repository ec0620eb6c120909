package dev.troupe.users;

import dev.troupe.TroupeService;
import dev.troupe.users.amqp.DeletionCommands;
import dev.troupe.users.amqp.NaiveDeletionCommands;
import dev.troupe.users.amqp.NaiveRegistrationCommands;
import dev.troupe.users.amqp.RegistrationCommands;
import dev.troupe.users.web.UsersApiClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user-commands service: the seed's create_user and delete_user consumers. In the reliable
 * flow they apply the commands through {@link UserService} itself, in the transaction of their
 * inbox row; in the seed's ({@code troupe.flow=naive}) they call the users service's HTTP API, as
 * the seed's did.
 */
@TroupeService(name = UserCommandsConfiguration.NAME)
@Import(UsersCoreConfiguration.class)
@EnableConfigurationProperties(UserCommandsSettings.class)
public class UserCommandsConfiguration {

    /** Its name in {@code troupe.services}. */
    public static final String NAME = "user-commands";

    @Bean
    @ConditionalOnProperty(name = "troupe.flow", havingValue = "reliable", matchIfMissing = true)
    RegistrationCommands registrationCommands(UserService users, PlatformTransactionManager transactions) {
        return new RegistrationCommands(users, nested(transactions));
    }

    @Bean
    @ConditionalOnProperty(name = "troupe.flow", havingValue = "reliable", matchIfMissing = true)
    DeletionCommands deletionCommands(UserService users, PlatformTransactionManager transactions) {
        return new DeletionCommands(users, nested(transactions));
    }

    @Bean
    @ConditionalOnProperty(name = "troupe.flow", havingValue = "naive")
    UsersApiClient usersApiClient(UserCommandsSettings settings, Environment environment) {
        return new UsersApiClient(() -> settings.usersUrl() != null && !settings.usersUrl().isBlank() ? settings.usersUrl()
            : "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080"));
    }

    @Bean
    @ConditionalOnProperty(name = "troupe.flow", havingValue = "naive")
    NaiveRegistrationCommands naiveRegistrationCommands(UsersApiClient users) {
        return new NaiveRegistrationCommands(users);
    }

    @Bean
    @ConditionalOnProperty(name = "troupe.flow", havingValue = "naive")
    NaiveDeletionCommands naiveDeletionCommands(UsersApiClient users, JsonMapper json) {
        return new NaiveDeletionCommands(users, json);
    }

    private static TransactionTemplate nested(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return template;
    }
}
