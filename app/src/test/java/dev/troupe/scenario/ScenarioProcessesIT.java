package dev.troupe.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.RealServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code troupe scenario} as a user runs it: the packaged jar, its services in processes of their
 * own on the real RabbitMQ and PostgreSQL, the counts read back from its JSON. The reliable flow
 * keeps every invariant; the seed's shows the flaw each scenario is about.
 */
@EnabledIfEnvironmentVariable(named = RealServers.SWITCH, matches = "true")
class ScenarioProcessesIT {

    private static final Path JAR = Path.of("target", "troupe.jar");
    private static final Path OUT = Path.of("target", "scenarios");
    private static final int REGISTRATIONS = 30;

    private record Outcome(int exit, JsonNode counts, String output) {

        long count(String flow, String key) {
            return counts.path(flow).path(key).asLong(-1);
        }
    }

    @Test
    void withTheMailerDownEveryUserStillGetsOneMail() throws Exception {
        Outcome outcome = scenario("mailer-down", "reliable");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeld(outcome);
    }

    @Test
    void withTheUserCommandsDownTheSeedMailsUsersWhoDoNotExistYetAndLosesCommandsTroupeDoesNeither() throws Exception {
        Outcome outcome = scenario("user-service-down", "both");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeld(outcome);
        assertThat(outcome.count("naive", "mails_to_missing_users")).as(outcome.output()).isPositive();
    }

    @Test
    void aTakenAddressIsRefusedAndToldWithNoMailWhereTheSeedMailsItAgain() throws Exception {
        Outcome outcome = scenario("email-taken", "both");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeld(outcome);
        long again = REGISTRATIONS / 10;
        assertThat(outcome.count("reliable", "told")).isEqualTo(again);
        assertThat(outcome.count("reliable", "with_one_mail")).isEqualTo(REGISTRATIONS);
        assertThat(outcome.count("naive", "duplicated")).as(outcome.output()).isEqualTo(again);
    }

    @Test
    void whileTheMailServerRefusesTheSeedLosesMailsAndTroupeSendsEachOnceLater() throws Exception {
        Outcome outcome = scenario("smtp-outage", "both");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeld(outcome);
        assertThat(outcome.count("naive", "lost")).as(outcome.output()).isPositive();
    }

    @Test
    void cutOffTheBrokerForAWhileNothingAcceptedIsLost() throws Exception {
        Outcome outcome = scenario("broker-restart", "reliable");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeldForWhatWasAccepted(outcome);
    }

    @Test
    void cutOffTheDatabaseForAWhileNothingAcceptedIsLost() throws Exception {
        Outcome outcome = scenario("database-outage", "reliable");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeldForWhatWasAccepted(outcome);
    }

    @Test
    void consumersKilledBeforeTheirAcknowledgementHaveNoSecondEffect() throws Exception {
        Outcome outcome = scenario("duplicate-delivery", "reliable");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeld(outcome);
    }

    @Test
    void usersDeletedAsSoonAsStoredAreGoneWithTheirCouponsRevoked() throws Exception {
        Outcome outcome = scenario("create-then-delete", "reliable");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeldForWhatWasAccepted(outcome);
        assertThat(outcome.count("reliable", "deleted")).isEqualTo(outcome.count("reliable", "accepted"));
        assertThat(outcome.count("reliable", "coupons_active")).isZero();
    }

    @Test
    void eachServiceKilledInTurnNothingAcceptedIsLostOrDoubled() throws Exception {
        Outcome outcome = scenario("crash", "reliable");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeldForWhatWasAccepted(outcome);
    }

    /**
     * The chaos suite: two processes each of user-commands and mailer, registrations and deletions
     * flowing, every process killed in turn, the broker, the database and the mail server away for
     * a while each. Its figures go to the test's output; a broken invariant names the addresses.
     */
    @Test
    void underChaosNothingIsLostNothingDoubledNoOneMissingMailed() throws Exception {
        Path json = OUT.resolve("chaos.json");
        Files.deleteIfExists(json);
        Outcome outcome = run(List.of("scenario", "chaos", "--flow", "reliable", "--rate", "15", "--json", json.toString()), json);
        System.out.println(outcome.output().substring(Math.max(0, outcome.output().indexOf("| invariant"))));

        assertThat(outcome.exit()).as(outcome.output()).isZero();
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

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeldForWhatWasAccepted(outcome);
        Matcher gap = Pattern.compile("longest time with none accepted: ([0-9.]+) s")
            .matcher(outcome.output());
        assertThat(gap.find()).as(outcome.output()).isTrue();
        assertThat(Double.parseDouble(gap.group(1))).as(outcome.output()).isLessThan(10);
    }

    @Test
    void poisonMessagesAreParkedAndTheGoodRegistrationsServed() throws Exception {
        Outcome outcome = scenario("poison-message", "reliable");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertHeld(outcome);
        assertThat(outcome.count("reliable", "parked")).isEqualTo(Math.max(1, REGISTRATIONS / 20));
    }

    @Test
    void aScenarioNotKnownIsOneLineAndExitTwo() throws Exception {
        Outcome outcome = run(List.of("scenario", "no-such-thing"), null);

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.output()).contains("troupe scenario: no scenario 'no-such-thing'");
    }

    @Test
    void aBrokerThatCannotBeReachedIsOneLineAndExitOne() throws Exception {
        Outcome outcome = run(List.of("scenario", "mailer-down", "--flow", "reliable"), null,
            Map.of("TROUPE_RABBITMQ_PORT", "1"));

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.output().strip().lines()).as(outcome.output()).anyMatch(line -> line.startsWith(
            "troupe scenario: mailer-down failed: cannot reach RabbitMQ at ")).noneMatch(line -> line.contains("\tat "));
    }

    @Test
    void aNegativeCountIsOneLineAndExitTwo() throws Exception {
        Outcome outcome = run(List.of("scenario", "crash", "--registrations", "-5"), null);

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.output()).contains("troupe scenario: --registrations takes a positive whole number, not '-5'");
    }

    /** The reliable flow: every registration accepted and served once. */
    private static void assertHeld(Outcome outcome) {
        assertHeldForWhatWasAccepted(outcome);
        assertThat(outcome.count("reliable", "accepted")).isGreaterThanOrEqualTo(REGISTRATIONS);
        assertThat(outcome.count("reliable", "persisted")).isEqualTo(REGISTRATIONS);
    }

    /**
     * The reliable flow where some registrations may be refused at the door (a 5xx while the broker
     * or the database is away, a gateway killed): what was accepted is served once, nothing left
     * queued, nothing mailed to a user not stored.
     */
    private static void assertHeldForWhatWasAccepted(Outcome outcome) {
        assertThat(outcome.counts().path("reliable").path("held").asBoolean()).as(outcome.output()).isTrue();
        assertThat(outcome.count("reliable", "accepted")).as(outcome.output()).isPositive();
        assertThat(outcome.count("reliable", "lost")).isZero();
        assertThat(outcome.count("reliable", "duplicated")).isZero();
        assertThat(outcome.count("reliable", "mails_to_missing_users")).isZero();
        assertThat(outcome.count("reliable", "queued")).isZero();
        assertThat(outcome.count("reliable", "persisted")).isEqualTo(outcome.count("reliable", "accepted")
            - outcome.count("reliable", "told") - outcome.count("reliable", "deleted"));
    }

    private static Outcome scenario(String name, String flow) throws Exception {
        Path json = OUT.resolve(name + ".json");
        Files.deleteIfExists(json);
        return run(List.of("scenario", name, "--flow", flow, "--registrations", Integer.toString(REGISTRATIONS),
            "--rate", "15", "--json", json.toString()), json);
    }

    private static Outcome run(List<String> arguments, Path json) throws IOException, InterruptedException {
        return run(arguments, json, Map.of());
    }

    private static Outcome run(List<String> arguments, Path json, Map<String, String> environment)
        throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (mvn verify packages it first)").exists();
        Files.createDirectories(OUT);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", JAR.toString()));
        command.addAll(arguments);
        Path log = OUT.resolve(arguments.get(1) + (json == null ? ".refused" : "") + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TROUPE_RABBITMQ_HOST", RealServers.Initializer.rabbitHost());
        builder.environment().put("TROUPE_POSTGRES_URL", RealServers.Initializer.postgresUrl());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            // the services first: a runner killed outright runs no shutdown hook of its own
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("troupe scenario " + arguments.get(1) + " did not end within 10 minutes; see " + log);
        }
        String output = Files.readString(log);
        JsonNode counts = json != null && Files.exists(json) ? JsonMapper.builder().build().readTree(json.toFile())
            : JsonMapper.builder().build().createObjectNode();
        return new Outcome(process.exitValue(), counts, output);
    }
}
