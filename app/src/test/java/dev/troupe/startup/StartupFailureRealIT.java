package dev.troupe.startup;

import dev.troupe.support.RealServers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The start-up failures that need the real PostgreSQL and RabbitMQ (a missing database, a refused
 * login), only in ways that never get past the login: no queue is declared or consumed and no
 * database created.
 */
@RealServers
class StartupFailureRealIT extends StartupFailures {

    private static final String POSTGRES = RealServers.Initializer.postgresUrl().replaceAll("/[^/]*$", "/");

    @Test
    void missingDatabaseIsNamedWithHowToCreateIt(CapturedOutput output) {
        String name = "troupe_missing_" + UUID.randomUUID().toString().substring(0, 8);

        String console = failedStart(output,
            "spring.datasource.url=" + POSTGRES + name, "spring.datasource.username=postgres");

        assertAnalysed(console,
            "The database '" + name + "' does not exist on the PostgreSQL server at 127.0.0.1:5432",
            "createdb -h 127.0.0.1 -U postgres " + name,
            "spring.datasource.url");
    }

    @Test
    void refusedDatabaseLoginNamesTheUser(CapturedOutput output) {
        String console = failedStart(output,
            "spring.datasource.url=" + POSTGRES + "test", "spring.datasource.username=nosuchuser");

        assertAnalysed(console,
            "refused the login of user 'nosuchuser' to database 'test'",
            "role \"nosuchuser\" does not exist",
            "spring.datasource.username");
    }

    @Test
    void refusedBrokerLoginNamesTheUser(CapturedOutput output) {
        String console = failedStart(output,
            "spring.rabbitmq.host=" + RealServers.Initializer.rabbitHost(), "spring.rabbitmq.port=5672",
            "spring.rabbitmq.username=guest", "spring.rabbitmq.password=wrong-" + UUID.randomUUID());

        assertAnalysed(console,
            "The RabbitMQ broker at " + RealServers.Initializer.rabbitHost() + ":5672 refused the login of user 'guest'",
            "ACCESS_REFUSED",
            "spring.rabbitmq.password");
    }
}
