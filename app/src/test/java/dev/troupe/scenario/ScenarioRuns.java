package dev.troupe.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.ChildOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code troupe scenario} run as a user runs it, from the packaged jar in a process of its own, and
 * its outcome read back from its JSON and output; with the reliable flow's invariants to assert.
 */
final class ScenarioRuns {

    static final int REGISTRATIONS = 30;
    private static final Path JAR = Path.of("target", "troupe.jar");
    static final Path OUT = Path.of("target", "scenarios");

    /** The servers a run is pointed at, as environment variables; an empty map for the embedded ones. */
    private final Map<String, String> servers;

    private ScenarioRuns(Map<String, String> servers) {
        this.servers = servers;
    }

    /** Runs on the real servers named by these variables. */
    static ScenarioRuns on(Map<String, String> servers) {
        return new ScenarioRuns(servers);
    }

    /** Runs with no server named: on the embedded broker and database, in a process of the run's own. */
    static ScenarioRuns embedded() {
        return new ScenarioRuns(Map.of());
    }

    record Outcome(int exit, JsonNode counts, String output) {

        long count(String flow, String key) {
            return counts.path(flow).path(key).asLong(-1);
        }
    }

    /** A scenario with {@value #REGISTRATIONS} registrations at 15/s, its counts to {@code target/scenarios/NAME.json}. */
    Outcome scenario(String name, String flow) throws Exception {
        return scenario(name, flow, name);
    }

    Outcome scenario(String name, String flow, String label) throws Exception {
        Path json = OUT.resolve(label + ".json");
        Files.deleteIfExists(json);
        return run(List.of("scenario", name, "--flow", flow, "--registrations", Integer.toString(REGISTRATIONS),
            "--rate", "15", "--json", json.toString()), json, label, Map.of());
    }

    Outcome run(List<String> arguments, Path json, String label, Map<String, String> environment)
        throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (mvn verify packages it first)").exists();
        Files.createDirectories(OUT);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", JAR.toString()));
        command.addAll(arguments);
        Path log = OUT.resolve(label + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        ServerChoice.PROPERTIES.forEach((property, troupe) -> {
            builder.environment().remove(troupe);
            builder.environment().remove(ServerChoice.environmentName(property));
        });
        builder.environment().putAll(servers);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            // the services first: a runner killed outright runs no shutdown hook of its own
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("troupe scenario " + arguments.get(1) + " did not end within 10 minutes; see " + log);
        }
        String output = ChildOutput.read(log); // as a person reads it: the JVM's JAVA_TOOL_OPTIONS notice left out
        JsonNode counts = json != null && Files.exists(json) ? JsonMapper.builder().build().readTree(json.toFile())
            : JsonMapper.builder().build().createObjectNode();
        return new Outcome(process.exitValue(), counts, output);
    }

    /** The reliable flow: every registration accepted and served once. */
    static void assertHeld(Outcome outcome) {
        assertHeldForWhatWasAccepted(outcome);
        assertThat(outcome.count("reliable", "accepted")).isGreaterThanOrEqualTo(REGISTRATIONS);
        assertThat(outcome.count("reliable", "persisted")).isEqualTo(REGISTRATIONS);
    }

    /**
     * The reliable flow where some registrations may be refused at the door (a 5xx while the broker
     * or the database is away, a gateway killed): what was accepted is served once, nothing left
     * queued, nothing mailed to a user not stored.
     */
    static void assertHeldForWhatWasAccepted(Outcome outcome) {
        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertThat(outcome.counts().path("reliable").path("held").asBoolean()).as(outcome.output()).isTrue();
        assertThat(outcome.count("reliable", "accepted")).as(outcome.output()).isPositive();
        assertThat(outcome.count("reliable", "lost")).isZero();
        assertThat(outcome.count("reliable", "duplicated")).isZero();
        assertThat(outcome.count("reliable", "mails_to_missing_users")).isZero();
        assertThat(outcome.count("reliable", "queued")).isZero();
        assertThat(outcome.count("reliable", "persisted")).isEqualTo(outcome.count("reliable", "accepted")
            - outcome.count("reliable", "told") - outcome.count("reliable", "deleted"));
    }
}
