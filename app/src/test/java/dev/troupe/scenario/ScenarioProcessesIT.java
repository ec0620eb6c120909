package dev.troupe.scenario;

import static dev.troupe.scenario.ScenarioRuns.REGISTRATIONS;
import static dev.troupe.scenario.ScenarioRuns.assertHeld;
import static dev.troupe.scenario.ScenarioRuns.assertHeldForWhatWasAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.scenario.ScenarioRuns.Outcome;
import dev.troupe.support.RealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@code troupe scenario} as a user runs it: the packaged jar, its services in processes of their
 * own on the real RabbitMQ and PostgreSQL, the counts read back from its JSON. The reliable flow
 * keeps every invariant; the seed's shows the flaw each scenario is about.
 */
@EnabledIfEnvironmentVariable(named = RealServers.SWITCH, matches = "true")
class ScenarioProcessesIT {

    private static final ScenarioRuns RUNS = ScenarioRuns.on(Map.of(
        "SPRING_RABBITMQ_HOST", RealServers.Initializer.rabbitHost(),
        "SPRING_DATASOURCE_URL", RealServers.Initializer.postgresUrl(),
        "SPRING_DATASOURCE_USERNAME", RealServers.Initializer.postgresUser()));

    @Test
    void withTheMailerDownEveryUserStillGetsOneMail() throws Exception {
        Outcome outcome = scenario("mailer-down", "reliable");

        assertHeld(outcome);
    }

    @Test
    void withTheUserCommandsDownTheSeedMailsUsersWhoDoNotExistYetAndLosesCommandsTroupeDoesNeither() throws Exception {
        Outcome outcome = scenario("user-service-down", "both");

        assertHeld(outcome);
        assertThat(outcome.count("naive", "mails_to_missing_users")).as(outcome.output()).isPositive();
    }

    @Test
    void aTakenAddressIsRefusedAndToldWithNoMailWhereTheSeedMailsItAgain() throws Exception {
        Outcome outcome = scenario("email-taken", "both");

        assertHeld(outcome);
        long again = REGISTRATIONS / 10;
        assertThat(outcome.count("reliable", "told")).isEqualTo(again);
        assertThat(outcome.count("reliable", "with_one_mail")).isEqualTo(REGISTRATIONS);
        assertThat(outcome.count("naive", "duplicated")).as(outcome.output()).isEqualTo(again);
    }

    @Test
    void whileTheMailServerRefusesTheSeedLosesMailsAndTroupeSendsEachOnceLater() throws Exception {
        Outcome outcome = scenario("smtp-outage", "both");

        assertHeld(outcome);
        assertThat(outcome.count("naive", "lost")).as(outcome.output()).isPositive();
    }

    @Test
    void cutOffTheBrokerForAWhileNothingAcceptedIsLost() throws Exception {
        Outcome outcome = scenario("broker-restart", "reliable");

        assertHeldForWhatWasAccepted(outcome);
    }

    @Test
    void cutOffTheDatabaseForAWhileNothingAcceptedIsLost() throws Exception {
        Outcome outcome = scenario("database-outage", "reliable");

        assertHeldForWhatWasAccepted(outcome);
    }

    @Test
    void consumersKilledBeforeTheirAcknowledgementHaveNoSecondEffect() throws Exception {
        Outcome outcome = scenario("duplicate-delivery", "reliable");

        assertHeld(outcome);
    }

    @Test
    void usersDeletedAsSoonAsStoredAreGoneWithTheirCouponsRevoked() throws Exception {
        Outcome outcome = scenario("create-then-delete", "reliable");

        assertHeldForWhatWasAccepted(outcome);
        assertThat(outcome.count("reliable", "deleted")).isEqualTo(outcome.count("reliable", "accepted"));
        assertThat(outcome.count("reliable", "coupons_active")).isZero();
    }

    @Test
    void eachServiceKilledInTurnNothingAcceptedIsLostOrDoubled() throws Exception {
        Outcome outcome = scenario("crash", "reliable");

        assertHeldForWhatWasAccepted(outcome);
    }

    /**
     * The chaos suite: two processes each of user-commands and mailer, registrations and deletions
     * flowing, every process killed in turn, the broker, the database and the mail server away for
     * a while each. Its figures go to the test's output; a broken invariant names the addresses.
     */
    @Test
    void underChaosNothingIsLostNothingDoubledNoOneMissingMailed() throws Exception {
        Path json = ScenarioRuns.OUT.resolve("chaos.json");
        Files.deleteIfExists(json);
        Outcome outcome = RUNS.run(List.of("scenario", "chaos", "--flow", "reliable", "--rate", "15", "--json", json.toString()),
            json, "chaos", Map.of());
        System.out.println(outcome.output().substring(Math.max(0, outcome.output().indexOf("| invariant"))));

        assertHeldForWhatWasAccepted(outcome);
        assertThat(outcome.count("reliable", "deleted")).as(outcome.output()).isPositive();
        assertThat(outcome.count("reliable", "coupons_revoked")).isEqualTo(outcome.count("reliable", "deleted"));
    }

    /**
     * A three-node RabbitMQ cluster of the run's own, on quorum queues: the node leading the queues
     * killed while registrations and deletions flow, and started again 20 s later. Nothing accepted
     * is lost or doubled, and the gateway accepts registrations again within seconds: a publisher
     * whose channel is nacked after the node loss (RabbitMQ 3.10) publishes again on a new one.
     */
    @Test
    void aBrokerNodeLostFromTheClusterNothingAcceptedIsLostAndRegistrationsGoOn() throws Exception {
        Outcome outcome = scenario("broker-node-loss", "reliable");

        assertHeldForWhatWasAccepted(outcome);
        Matcher gap = Pattern.compile("longest time with none accepted: ([0-9.]+) s")
            .matcher(outcome.output());
        assertThat(gap.find()).as(outcome.output()).isTrue();
        assertThat(Double.parseDouble(gap.group(1))).as(outcome.output()).isLessThan(10);
    }

    @Test
    void poisonMessagesAreParkedAndTheGoodRegistrationsServed() throws Exception {
        Outcome outcome = scenario("poison-message", "reliable");

        assertHeld(outcome);
        assertThat(outcome.count("reliable", "parked")).isEqualTo(Math.max(1, REGISTRATIONS / 20));
    }

    @Test
    void aScenarioNotKnownIsOneLineAndExitTwo() throws Exception {
        Outcome outcome = RUNS.run(List.of("scenario", "no-such-thing"), null, "no-such-thing.refused", Map.of());

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.output()).contains("troupe scenario: no scenario 'no-such-thing'");
    }

    @Test
    void aBrokerThatCannotBeReachedIsOneLineAndExitOne() throws Exception {
        Outcome outcome = RUNS.run(List.of("scenario", "mailer-down", "--flow", "reliable"), null, "mailer-down.refused",
            Map.of("SPRING_RABBITMQ_PORT", "1"));

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.output().strip().lines()).as(outcome.output()).anyMatch(line -> line.startsWith(
            "troupe scenario: mailer-down failed: cannot reach RabbitMQ at ")).noneMatch(line -> line.contains("\tat "));
    }

    @Test
    void aNegativeCountIsOneLineAndExitTwo() throws Exception {
        Outcome outcome = RUNS.run(List.of("scenario", "crash", "--registrations", "-5"), null, "crash.refused", Map.of());

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.output()).contains("troupe scenario: --registrations takes a positive whole number, not '-5'");
    }

    private static Outcome scenario(String name, String flow) throws Exception {
        return RUNS.scenario(name, flow);
    }
}
