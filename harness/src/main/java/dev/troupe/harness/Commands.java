package dev.troupe.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A command-line tool run to its end, bounded, its output read; a failure in one line. */
final class Commands {

    private Commands() {
    }

    /** Runs {@code command} for at most {@code seconds}; its output, or an exception saying what failed. */
    static String run(ProcessBuilder command, String what, long seconds) throws IOException {
        Path output = Files.createTempFile("troupe-command", ".out");
        try {
            Process process = command.redirectErrorStream(true).redirectOutput(output.toFile()).start();
            // bounded: a tool that cannot reach its server must not hang the run
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not answer within " + seconds + " s");
            }
            String text = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed: " + text.strip().replaceAll("\\s+", " "));
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
