package dev.troupe.users;

import dev.troupe.TroupeService;
import dev.troupe.users.amqp.DeletionCommands;
import dev.troupe.users.amqp.RegistrationCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The user-commands service: the seed's create_user and delete_user consumers, applying the
 * commands through {@link UserService} itself rather than over HTTP.
 */
@TroupeService(name = UserCommandsConfiguration.NAME)
@Import(UsersCoreConfiguration.class)
public class UserCommandsConfiguration {

    /** Its name in {@code troupe.services}. */
    public static final String NAME = "user-commands";

    @Bean
    RegistrationCommands registrationCommands(UserService users, PlatformTransactionManager transactions) {
        return new RegistrationCommands(users, nested(transactions));
    }

    @Bean
    DeletionCommands deletionCommands(UserService users, PlatformTransactionManager transactions) {
        return new DeletionCommands(users, nested(transactions));
    }

    private static TransactionTemplate nested(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return template;
    }
}
