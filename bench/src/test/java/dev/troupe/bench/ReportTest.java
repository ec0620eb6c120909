package dev.troupe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's profile parts: the library table with its flame graphs' links, and its chart as a PNG. */
class ReportTest {

    @TempDir
    Path folder;

    @Test
    void aProfiledStepGetsItsLibraryTableLinksAndChart() throws Exception {
        Map<String, Double> libraries = new LinkedHashMap<>(Libraries.share(Map.of("Troupe", 1L, "JDBC driver + pool", 3L), 4.0));
        StepResult profiled = step(100, libraries, List.of("profile-100.html"), "async-profiler 4.2, event cpu");
        StepResult closed = step(0, Map.of(), List.of(), "failed: no such process");
        Report report = new Report(LocalDate.of(2026, 12, 8), BenchOptions.parse("--jar=pom.xml"), Duration.ofSeconds(5),
            new Limits.Measured(10_000, "PerfTest", 2_000, "pgbench"), RelayAlone.Measured.not("not measured"),
            List.of(profiled, closed), new Verdict(200, 200, 0, 0, 200, 0), Idle.notMeasured());

        report.write(folder);

        String markdown = Files.readString(folder.resolve("benchmark.md"));
        assertThat(markdown).contains("| library | 100/s |").contains("| JDBC driver + pool | 3.00 |")
            .contains("| Troupe | 1.00 |").contains("| flame graph | [100](profile-100.html) |")
            .contains("![CPU per registration by library](cpu-by-library.png)");
        assertThat(ImageIO.read(folder.resolve("cpu-by-library.png").toFile()).getWidth()).isEqualTo(900);
    }

    @Test
    void withoutAProfileTheReportSaysWhy() throws Exception {
        Report report = new Report(LocalDate.of(2026, 12, 8), BenchOptions.parse("--jar=pom.xml"), Duration.ofSeconds(5),
            new Limits.Measured(Double.NaN, "–", Double.NaN, "–"), RelayAlone.Measured.not("not measured"),
            List.of(step(50, Map.of(), List.of(), "not taken (--profile=false)")), new Verdict(1, 1, 0, 0, 1, 0),
            Idle.notMeasured());

        report.write(folder);

        assertThat(Files.readString(folder.resolve("benchmark.md"))).contains("No profile: not taken (--profile=false).");
        assertThat(folder.resolve("cpu-by-library.png")).doesNotExist();
    }

    private static StepResult step(int offered, Map<String, Double> libraries, List<String> graphs, String profile) {
        Map<String, Double> percentiles = Map.of("p50", 10.0, "p99", 20.0);
        return new StepResult(Integer.toString(offered), offered, 1000, 1000, offered, offered, true, percentiles, percentiles,
            Map.of(), 0.1, 4.0, 400, Map.of("relay", 0.5), libraries, graphs, profile);
    }
}
