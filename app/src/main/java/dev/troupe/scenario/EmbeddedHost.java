package dev.troupe.scenario;

import dev.troupe.embedded.EmbeddedServers;
import dev.troupe.harness.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded broker and database of one flow, served by a process of their own
 * ({@code java -jar troupe.jar embedded-servers}, or its class path's equivalent) that every service of the flow connects to, as it
 * would to RabbitMQ and PostgreSQL. Fresh for each flow, in the flow's work folder: nothing to drop.
 */
final class EmbeddedHost implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^ready broker=(\\d+) database=(\\d+)$", Pattern.MULTILINE);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    final int brokerPort;
    final int databasePort;
    /** The database's password, made for this host (no one else on the machine knows it). */
    final String password;

    private EmbeddedHost(Process process, Path log, int brokerPort, int databasePort, String password) {
        this.password = password;
        this.process = process;
        this.log = log;
        this.brokerPort = brokerPort;
        this.databasePort = databasePort;
    }

    /** Starts the process on free ports and waits until both servers listen. */
    static EmbeddedHost start(Launch launch, Path work) throws IOException {
        Files.createDirectories(work);
        Path log = work.resolve("embedded-servers.log");
        String password = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.addAll(launch.arguments());
        command.addAll(List.of("embedded-servers", "--broker-port", "0", "--database-port", "0",
            "--dir", work.resolve("servers").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put(EmbeddedServers.PASSWORD_VARIABLE, password);
        Process process = builder.start();
        // a runner stopped (Ctrl-C, a test JVM killed) must not leave the servers behind it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(Files.readString(log));
            if (ready.find()) {
                return new EmbeddedHost(process, log, Integer.parseInt(ready.group(1)), Integer.parseInt(ready.group(2)),
                    password);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the embedded servers did not start: " + lastLine(log));
            }
            Waits.pause(Duration.ofMillis(200));
        }
        process.destroyForcibly();
        throw new IllegalStateException("the embedded servers did not start within " + PATIENCE.toSeconds() + " s; see " + log);
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "no output (see " + log + ")" : lines.get(lines.size() - 1);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(EmbeddedServers.jdbcUrl(databasePort), EmbeddedServers.DATABASE_USER, password);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "embedded servers (broker on " + brokerPort + ", database on " + databasePort + "; log " + log + ")";
    }
}
