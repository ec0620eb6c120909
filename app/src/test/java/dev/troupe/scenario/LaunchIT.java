package dev.troupe.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * This JVM runs from a class path, not the packaged jar, as {@code ./mvnw spring-boot:run} does: the
 * launch it finds starts Troupe again (its scenario command lists the scenarios the console's buttons run).
 */
class LaunchIT {

    @Test
    void theClassPathOfThisJvmStartsTroupeAgain() throws Exception {
        Launch launch = Launch.ofThisProcess().orElseThrow();
        assertThat(launch.arguments()).startsWith("-cp");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launch.arguments());
        command.addAll(List.of("scenario", "--list"));
        // stdout alone: the JVM's own notices (JAVA_TOOL_OPTIONS) go to stderr
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().map(line -> line.split(" ")[0]))
            .containsAll(ScenarioCommand.scenarios().stream().map(ScenarioCommand.Listed::name).toList());
    }
}
