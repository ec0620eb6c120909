package dev.troupe.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Where no Chromium is installed: the browser tests are skipped, and the console says why, once. */
class ChromiumTest {

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(said, true, StandardCharsets.UTF_8);

    @Test
    void aMissingBrowserSkipsTheTestAndSaysWhyOnTheConsoleOnce() {
        Path missing = Path.of("/nonexistent-" + UUID.randomUUID(), "chromium");

        for (int test = 0; test < 3; test++) {
            assertThatThrownBy(() -> Chromium.requireInstalled(missing, Path.of("/bin/sh"), false, console))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining(missing + " is missing");
        }

        assertThat(said.toString(StandardCharsets.UTF_8).lines()).containsExactly("[WARNING] Browser tests skipped: " + missing
            + " is missing: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
            + " to run the browser tests");
    }

    @Test
    void onCiAMissingBrowserFailsTheBuildInstead() {
        Path missing = Path.of("/nonexistent-" + UUID.randomUUID(), "chromedriver");

        assertThatThrownBy(() -> Chromium.requireInstalled(Path.of("/bin/sh"), missing, true, console))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining(missing + " is missing");
    }

    @Test
    void bothThereNothingIsSaid() {
        Chromium.requireInstalled(Path.of("/bin/sh"), Path.of("/bin/sh"), false, console);

        assertThat(said.size()).isZero();
    }
}
