package dev.troupe.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.embedded.DataFolderLock;
import dev.troupe.support.ChildOutput;
import dev.troupe.support.EmbeddedServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One copy of Troupe per data folder: a second one started on the folder of a running one, as a
 * user would (the packaged jar, a process of its own), ends at once with a short report naming the
 * folder and the first one's pid, and the first one keeps serving. The first copy runs in this JVM,
 * so its pid is this JVM's.
 */
@EmbeddedServers
class SecondCopyIT extends StartupFailures {

    private static final Path JAR = Path.of("target", "troupe.jar");
    private static final long FIRST = ProcessHandle.current().pid();
    private static final Path FOLDER = Path.of("target", "it-data", "second-copy-" + UUID.randomUUID()).toAbsolutePath();

    private static ConfigurableApplicationContext first;

    /**
     * An ordinary start, without the failure tests' 2 s connection timeout: Hikari hands it to
     * DriverManager, for the whole JVM, and the broker's Derby store logging in on a busy machine
     * would take longer than that.
     */
    @BeforeAll
    static void startTheFirstCopy() {
        first = start("troupe.embedded.data-dir=" + FOLDER, "spring.datasource.hikari.connection-timeout=30000");
    }

    @AfterAll
    static void stopIt() {
        first.close();
    }

    @Test
    void aSecondCopyOnTheSameFolderIsRefusedNamingTheFirstAndTheFirstKeepsServing() throws Exception {
        Run second = runJar("--server.port=0", "--troupe.embedded.data-dir=" + FOLDER,
            "--troupe.embedded.broker-port=0", "--troupe.embedded.smtp-port=0");

        assertThat(second.exit).isNotZero();
        assertAnalysed(second.output, "The data folder " + FOLDER + " is in use by another Troupe process (pid " + FIRST + ")",
            "kill " + FIRST, "--troupe.embedded.data-dir=");
        // Boot's report is the one ERROR entry: nothing of H2's or the broker's
        assertThat(second.output.lines().filter(line -> line.contains(" ERROR ")).count()).isEqualTo(1);
        assertThat(second.output).doesNotContain("Database may be already in use", "Exception");
        assertThat(health()).contains("\"status\":\"UP\"");
    }

    @Test
    void aSecondContextInTheSameJvmIsRefusedToo(CapturedOutput output) throws Exception {
        // the capture holds the first copy's start as well: only what the second one printed
        int before = output.getAll().length();
        String console = failedStart(output, "troupe.embedded.data-dir=" + FOLDER).substring(before);

        assertAnalysed(console, "The data folder " + FOLDER + " is in use by another application context of this process");
        assertThat(health()).contains("\"status\":\"UP\"");
    }

    @Test
    void embeddedServersOnTheFolderRefuseInOneLine() throws Exception {
        Run servers = runJar("embedded-servers", "--broker-port", "0", "--database-port", "0", "--dir", FOLDER.toString());

        assertThat(servers.exit).isEqualTo(1);
        assertThat(servers.output.lines().filter(line -> !line.isBlank())).containsExactly(
            "troupe embedded-servers: the data folder " + FOLDER + " is in use by another Troupe process (pid " + FIRST
                + "): stop it (Ctrl+C in its terminal, or kill " + FIRST + "), or give another --dir");
    }

    /** The claim goes with the context: closed, it leaves the folder to the next copy (a restart in one JVM). */
    @Test
    void aClosedCopyLeavesItsFolderFree() throws IOException {
        Path other = FOLDER.resolveSibling(FOLDER.getFileName() + "-closed");
        start("troupe.embedded.data-dir=" + other).close();

        try (DataFolderLock next = DataFolderLock.claim(other)) {
            assertThat(Files.readString(other.resolve(DataFolderLock.FILE_NAME)).strip()).isEqualTo(Long.toString(FIRST));
        }
    }

    private record Run(int exit, String output) {
    }

    /** {@code java -jar troupe.jar <arguments>} to its end, stdout and stderr together, the JVM's own notices left out. */
    private static Run runJar(String... arguments) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (mvn verify packages it first)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(Path.of("target"), "second-copy", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 90 s, refused nothing; see " + log);
        }
        String output = ChildOutput.read(log);
        System.out.println("---- output of java -jar troupe.jar " + String.join(" ", arguments) + "\n" + output + "----");
        return new Run(process.exitValue(), output);
    }

    private static String health() throws IOException, InterruptedException {
        String port = first.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
