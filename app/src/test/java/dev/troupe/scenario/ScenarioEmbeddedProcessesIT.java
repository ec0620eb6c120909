package dev.troupe.scenario;

import static dev.troupe.scenario.ScenarioRuns.assertHeld;
import static dev.troupe.scenario.ScenarioRuns.assertHeldForWhatWasAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.scenario.ScenarioRuns.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code troupe scenario} on a machine with no RabbitMQ or PostgreSQL named: each flow's services
 * in processes of their own, connected to the embedded broker (Qpid) and database (H2 over TCP)
 * served by one more process of the flow's own, which the runner starts, cuts off and stops. The
 * database outage is what found that Qpid 9.2.1 requeues only the highest tag of a multiple nack
 * (a batch given back) and that the next multiple ack took the rest: lost registrations, until the
 * listener gave a failed batch back by closing its channel.
 */
class ScenarioEmbeddedProcessesIT {

    private static final ScenarioRuns RUNS = ScenarioRuns.embedded();

    @Test
    void onTheEmbeddedServersTheSeedMailsUsersWhoDoNotExistYetAndTroupeDoesNot() throws Exception {
        Outcome outcome = RUNS.scenario("user-service-down", "both", "embedded-user-service-down");

        assertThat(outcome.output()).contains("[naive] on embedded servers", "[reliable] on embedded servers");
        assertHeld(outcome);
        assertThat(outcome.count("naive", "mails_to_missing_users")).as(outcome.output()).isPositive();
    }

    @Test
    void theEmbeddedDatabaseCutOffForAWhileNothingAcceptedIsLost() throws Exception {
        Outcome outcome = RUNS.scenario("database-outage", "reliable", "embedded-database-outage");

        assertHeldForWhatWasAccepted(outcome);
    }

    @Test
    void embeddedServersGivenAPortThatIsNoPortSayItInOneLineAndExitTwo() throws Exception {
        Outcome outcome = RUNS.run(List.of("embedded-servers", "--broker-port", "amqp"), null, "embedded-servers.refused",
            Map.of());

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.output()).startsWith(
            "troupe embedded-servers: --broker-port takes a port (0 to 65535; 0 for a free one), not 'amqp'");
    }
}
