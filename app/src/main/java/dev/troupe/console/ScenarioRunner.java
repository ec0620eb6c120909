package dev.troupe.console;

import dev.troupe.scenario.Launch;
import dev.troupe.scenario.ScenarioCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one {@code troupe scenario} at a time for the console, as a person would from a shell:
 * started the way this process was (the packaged jar, or the class path of {@code ./mvnw
 * spring-boot:run}), in a process of its own (it starts the services and servers of each flow the
 * same way), its output kept in a file the page reads as it grows, its counts as JSON at the end.
 * Where this process cannot be started again so (a class loader of an IDE's), there is nothing to run.
 */
public class ScenarioRunner implements org.springframework.beans.factory.DisposableBean {

    /** A run: its scenario, its output so far, whether it ended and with what status, and its counts. */
    public record Run(String scenario, String output, boolean ended, Integer exit, String counts) {
    }

    private final Optional<Launch> launch;
    /** Made at the first run, not at every start-up. */
    private Path work;
    private Process process;
    private String scenario;

    public ScenarioRunner(Optional<Launch> launch) {
        this.launch = launch;
    }

    public boolean available() {
        return launch.isPresent();
    }

    public List<ScenarioCommand.Listed> scenarios() {
        return ScenarioCommand.scenarios();
    }

    /** Starts a run of {@code name} in both flows; false while another runs (or where none can). */
    public synchronized boolean start(String name) throws IOException {
        if (launch.isEmpty() || (process != null && process.isAlive())) {
            return false;
        }
        if (scenarios().stream().noneMatch(listed -> listed.name().equals(name))) {
            throw new IllegalArgumentException("no scenario '" + name + "'");
        }
        if (work == null) {
            work = Files.createTempDirectory("troupe-console-");
        }
        Files.deleteIfExists(output());
        Files.deleteIfExists(counts());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launch.get().arguments());
        command.addAll(List.of("scenario", name, "--flow", "both", "--registrations", "30", "--rate", "15",
            "--json", counts().toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output().toFile()).start();
        scenario = name;
        return true;
    }

    /** The last run, or empty before the first. */
    public synchronized Optional<Run> last() throws IOException {
        if (process == null) {
            return Optional.empty();
        }
        boolean ended = !process.isAlive();
        return Optional.of(new Run(scenario, Files.exists(output()) ? Files.readString(output()) : "", ended,
            ended ? process.exitValue() : null, ended && Files.exists(counts()) ? Files.readString(counts()) : null));
    }

    /** Stops a run under way (its services with it: the runner's shutdown hooks end them). */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** A run under way ends with this process, not after it. */
    @Override
    public void destroy() {
        stop();
    }

    private Path output() {
        return work.resolve("scenario.log");
    }

    private Path counts() {
        return work.resolve("scenario.json");
    }
}
