package dev.troupe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a benchmark's Markdown report goes: target/benchmark/{name}.md, and the console. */
final class BenchReport {

    private BenchReport() {
    }

    static void write(String name, List<String> lines) throws IOException {
        Path file = Path.of("target", "benchmark", name + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
        System.out.println("(written to " + file + ")");
    }
}
