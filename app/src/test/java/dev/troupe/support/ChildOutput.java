package dev.troupe.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What a child JVM printed, stdout and stderr together, less what the JVM itself says before the
 * program runs: "Picked up JAVA_TOOL_OPTIONS: …" (and its kin for {@code _JAVA_OPTIONS} and
 * {@code JDK_JAVA_OPTIONS}), which a machine or CI that sets those variables puts first on stderr.
 * A test that reads a child's first line, or all its lines, reads them through here.
 */
public final class ChildOutput {

    private static final Pattern JVM_NOTICE =
        Pattern.compile("(?m)^(NOTE: )?Picked up (JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS): .*(\\R|\\z)");

    private ChildOutput() {
    }

    /** The output in {@code log}, the JVM's notices taken out. */
    public static String read(Path log) throws IOException {
        return withoutJvmNotices(Files.readString(log));
    }

    public static String withoutJvmNotices(String output) {
        return JVM_NOTICE.matcher(output).replaceAll("");
    }
}
