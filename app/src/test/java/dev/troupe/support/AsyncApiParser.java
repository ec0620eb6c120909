package dev.troupe.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The AsyncAPI project's own parser, run on a document as CI runs it: {@code node
 * tools/asyncapi/validate.mjs <file>}, which exits non-zero on an error-severity diagnostic.
 * Installed by {@code npm ci --prefix tools/asyncapi}; where it is not, a test is skipped, saying
 * why, except under CI (the variable {@code CI} set), where a skipped check would pass unseen.
 */
public final class AsyncApiParser {

    private static final Path SCRIPT = Path.of("tools", "asyncapi", "validate.mjs");
    private static final Path PARSER = Path.of("tools", "asyncapi", "node_modules", "@asyncapi", "parser");

    private AsyncApiParser() {
    }

    /** What the parser said of {@code document}, which it found valid; the test fails where it did not. */
    public static String validate(Path document) throws IOException, InterruptedException {
        Path root = repositoryRoot();
        if (!Files.isDirectory(root.resolve(PARSER))) {
            unavailable("the AsyncAPI parser is not installed (npm ci --prefix tools/asyncapi)");
        }
        Path output = Files.createTempFile("asyncapi-parser", ".out");
        try {
            Process node;
            try {
                node = new ProcessBuilder("node", root.resolve(SCRIPT).toString(), document.toAbsolutePath().toString())
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            } catch (IOException noNode) {
                unavailable("node cannot be run: " + noNode.getMessage());
                throw noNode;
            }
            // bounded: the parser reads one local file and fetches nothing
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("the AsyncAPI parser did not finish within 120 s");
            }
            String said = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println("AsyncAPI parser on " + document + ":\n" + said);
            assertThat(node.exitValue()).as("the AsyncAPI parser's verdict on " + document + ":\n" + said).isZero();
            return said;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void unavailable(String reason) {
        if (System.getenv("CI") != null) {
            fail(reason + ": CI must run the parser (.ci/run installs it)");
        }
        System.out.println("Skipped the AsyncAPI parser's check: " + reason);
        Assumptions.abort(reason);
    }

    /** The folder with {@code tools/}: the tests run in the module's folder, below it. */
    private static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(SCRIPT))) {
                return folder;
            }
        }
        throw new IllegalStateException(SCRIPT + " not found above " + Path.of("").toAbsolutePath());
    }
}
