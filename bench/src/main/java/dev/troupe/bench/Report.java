package dev.troupe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The run's report: Markdown and JSON, and two plots against the offered rate. */
final class Report {

    private final LocalDate date;
    private final BenchOptions options;
    private final Duration startup;
    private final Limits.Measured limits;
    private final RelayAlone.Measured relay;
    private final List<StepResult> results;
    private final Verdict verdict;
    private final Idle idle;

    Report(LocalDate date, BenchOptions options, Duration startup, Limits.Measured limits, RelayAlone.Measured relay,
           List<StepResult> results, Verdict verdict, Idle idle) {
        this.date = date;
        this.options = options;
        this.startup = startup;
        this.limits = limits;
        this.relay = relay;
        this.results = results;
        this.verdict = verdict;
        this.idle = idle;
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("benchmark.md"), markdown());
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("date", date.toString());
        document.put("options", options.toString());
        document.put("machine", machine());
        document.put("startup_ms", startup.toMillis());
        document.put("limits", limits);
        document.put("relay_alone", relay);
        document.put("steps", results);
        document.put("verdict", verdict);
        document.put("idle", Map.of("window_s", idle.window().toSeconds(), "cpu_ms_per_s", idle.cpuMsPerSecond(),
            "jit_ms_per_s", idle.jitMsPerSecond(), "threads_ms_per_s", idle.threads()));
        Files.writeString(folder.resolve("benchmark.json"), json.writeValueAsString(document));
        plots(folder);
    }

    /** The lines that end the run on the terminal. */
    String summary() {
        StringBuilder text = new StringBuilder(table());
        text.append('\n').append(verdictLine()).append('\n').append(limitsLine()).append('\n');
        return text.toString();
    }

    private String markdown() {
        return "# Troupe end-to-end benchmark, " + date + "\n\n"
            + "Machine: " + machine() + ". Run: " + options + ".\n"
            + "Every registration is a `POST /users/` (load generator and SMTP sink in the benchmark's own process);"
            + " it ends in a `user_created`, a coupon and a welcome mail accepted by the sink. Open-loop latencies are"
            + " measured from each request's scheduled time. A rate is sustained when at least 99 % of its requests got"
            + " 201 and 95 % of its welcome mails arrived by the end of the step plus one second; the closed loop, when"
            + " 95 % of the mails of what it got accepted did.\n\n"
            + "Troupe healthy after " + startup.toMillis() + " ms.\n\n"
            + "## Limits measured in the same run\n\n" + limitsLine() + "\n\n"
            + "## Steps\n\n" + table() + "\n"
            + "POST and POST→mail latencies: p50 / p95 / p99 / p99.9 / max, in ms. Delivery: commit → handler per"
            + " consumer, in ms, " + deliveryKind() + "; the wait in the consumer's queue included. Outbox age: the oldest unpublished row, at"
            + " its worst during the step. CPU: every Troupe process, per registration accepted. Memory: resident, all"
            + " Troupe processes together, at the most during the step.\n\n"
            + "## Troupe's CPU per registration, by stage\n\n" + stageTable() + "\n"
            + "CPU ms per registration accepted, over the step, by the threads each stage runs on (from /proc, every"
            + " Troupe process): HTTP and the users' transaction on Tomcat's threads, the relay's, each consumer's"
            + " (the mailer's SMTP exchange on its own), the user-status responder's; the AMQP client's I/O, the"
            + " embedded broker (on the embedded defaults), GC and JIT apart.\n\n"
            + "## Troupe's CPU per registration, by library\n\n" + libraryTable()
            + "## Checks\n\n" + verdictLine() + "\n\n"
            + "![latency](latency.png)\n\n![throughput](throughput.png)\n";
    }

    private String table() {
        StringBuilder table = new StringBuilder("| offered/s | accepted/s | end to end/s | sustained | ratio to pgbench"
            + " | POST ms | POST→mail ms | delivery ms | outbox age s | CPU ms/reg | memory MiB |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult step : results) {
            table.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %s | %s | %s | %.1f | %.2f | %.0f |%n",
                step.offered() == 0 ? "closed, " + options.connections() + " clients" : Integer.toString(step.offered()),
                step.accepted(), step.endToEnd(), step.sustained() ? "yes" : "**no**", ratio(step.endToEnd(), limits.pgbenchTps()),
                spread(step.post()), spread(step.postToMail()), delivery(step.delivery()), step.outboxOldestAge(),
                step.cpuMsPerRegistration(), step.peakResidentMib()));
        }
        return table.toString();
    }

    private String stageTable() {
        if (results.isEmpty()) {
            return "";
        }
        List<String> stages = new java.util.ArrayList<>(results.get(0).cpuMsByStage().keySet());
        StringBuilder table = new StringBuilder("| step | " + String.join(" | ", stages) + " | all |\n|---|"
            + "---|".repeat(stages.size() + 1) + "\n");
        for (StepResult step : results) {
            table.append("| ").append(step.label());
            for (String stage : stages) {
                table.append(String.format(Locale.ROOT, " | %.2f", step.cpuMsByStage().getOrDefault(stage, Double.NaN)));
            }
            table.append(String.format(Locale.ROOT, " | %.2f |%n", step.cpuMsPerRegistration()));
        }
        return table.toString();
    }

    /**
     * The steps' CPU per registration split by the code it was spent in (a column a step, a row a
     * library: there are more libraries than steps), from each step's profile, with its flame graphs.
     */
    private String libraryTable() {
        List<StepResult> profiled = profiled();
        if (profiled.isEmpty()) {
            return results.isEmpty() ? "No step was run.\n\n" : "No profile: " + results.get(0).profile() + ".\n\n";
        }
        StringBuilder table = new StringBuilder("| library |");
        profiled.forEach(step -> table.append(' ').append(column(step)).append(" |"));
        table.append("\n|---|").append("---|".repeat(profiled.size())).append('\n');
        for (String library : profiled.get(0).cpuMsByLibrary().keySet()) {
            table.append("| ").append(library);
            profiled.forEach(step -> table.append(String.format(Locale.ROOT, " | %.2f",
                step.cpuMsByLibrary().getOrDefault(library, Double.NaN))));
            table.append(" |\n");
        }
        table.append("| flame graph");
        profiled.forEach(step -> table.append(" | ").append(String.join(", ", step.flameGraphs().stream()
            .map(graph -> "[" + graph.replaceFirst("^profile-", "").replaceFirst("\\.html$", "") + "](" + graph + ")")
            .toList())));
        table.append(" |\n\n");
        return table + "CPU ms per registration accepted, as in the stage table, shared out in proportion to the step's"
            + " CPU samples (" + profiled.get(0).profile() + "), each sample to the library of the leaf-most frame that"
            + " has one: a JDK call made by Jackson is JSON's, a socket write of the PostgreSQL driver is JDBC's. The"
            + " flame graphs are async-profiler's, one per Troupe process and step.\n\n"
            + "![CPU per registration by library](cpu-by-library.png)\n\n";
    }

    private String limitsLine() {
        StringBuilder line = new StringBuilder();
        line.append("- broker: ").append(Double.isNaN(limits.brokerMsgPerSecond()) ? "–"
            : String.format(Locale.ROOT, "**%,.0f msg/s**", limits.brokerMsgPerSecond())).append(" (").append(limits.broker()).append(")\n");
        line.append("- database: ").append(Double.isNaN(limits.pgbenchTps()) ? "–"
            : String.format(Locale.ROOT, "**%,.0f TPS**", limits.pgbenchTps())).append(" (").append(limits.database()).append(")");
        line.append("\n- relay alone: ").append(Double.isNaN(relay.rowsPerSecond()) ? "–"
            : String.format(Locale.ROOT, "**%,.0f rows/s**, %s of the broker's limit", relay.rowsPerSecond(),
                ratio(relay.rowsPerSecond(), limits.brokerMsgPerSecond()))).append(" (").append(relay.note()).append(")");
        double best = results.stream().filter(StepResult::sustained).mapToDouble(StepResult::endToEnd).max().orElse(Double.NaN);
        line.append(Double.isNaN(best) ? String.format("%n- best sustained end to end: none of the rates offered was sustained")
            : String.format(Locale.ROOT, "%n- best sustained end to end: %.0f registrations/s, %s of the database's limit",
                best, ratio(best, limits.pgbenchTps())));
        line.append('\n').append(idle.line());
        return line.toString();
    }

    private String verdictLine() {
        return String.format(Locale.ROOT, "%,d registrations accepted: %,d with their welcome mail (%,d without, %,d twice),"
                + " %,d with an active coupon (%,d without)%s", verdict.registrations(), verdict.mailed(),
            verdict.withoutMail(), verdict.mailedTwice(), verdict.withActiveCoupon(), verdict.withoutCoupon(),
            verdict.clean() ? ": none lost, none doubled" : ": **NOT CLEAN**");
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
            + Math.round(totalMemoryGib()) + " GiB, Java " + System.getProperty("java.version") + ", "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static double totalMemoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }

    static String ms(Double value) {
        return value == null || value.isNaN() ? "–" : value < 10 ? String.format(Locale.ROOT, "%.1f", value)
            : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String spread(Map<String, Double> percentiles) {
        if (percentiles.isEmpty()) {
            return "–";
        }
        return String.join(" / ", percentiles.values().stream().map(Report::ms).toList());
    }

    private static String delivery(Map<String, Map<String, Double>> delivery) {
        if (delivery.isEmpty()) {
            return "–";
        }
        StringBuilder text = new StringBuilder();
        delivery.forEach((consumer, figures) -> text.append(text.length() == 0 ? "" : ", ").append(consumer).append(' ')
            .append(spread(figures)));
        return text.toString();
    }

    /** How the delivery figures were taken: from the databases where they are real, else from the timers. */
    private String deliveryKind() {
        return options.real()
            ? "p50 / p95 / p99 / p99.9 / max of every message committed during the step, counted from the databases"
              + " (each inbox row's processed_at against its outbox row's created_at)"
            : "mean / max from the service's own timer (count, total, max) over the step and its drain (the embedded"
              + " database is the service's own)";
    }

    private static String ratio(double figure, double limit) {
        return Double.isNaN(figure) || Double.isNaN(limit) || limit == 0 ? "–" : String.format(Locale.ROOT, "%.3f", figure / limit);
    }

    private void plots(Path folder) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection latency = new XYSeriesCollection();
        XYSeries postP99 = new XYSeries("POST p99");
        XYSeries mailP50 = new XYSeries("POST→mail p50");
        XYSeries mailP99 = new XYSeries("POST→mail p99");
        XYSeriesCollection throughput = new XYSeriesCollection();
        XYSeries offered = new XYSeries("offered");
        XYSeries accepted = new XYSeries("accepted");
        XYSeries endToEnd = new XYSeries("end to end");
        for (StepResult step : results) {
            if (step.offered() == 0) {
                continue;
            }
            add(postP99, step.offered(), step.post().get("p99"));
            add(mailP50, step.offered(), step.postToMail().get("p50"));
            add(mailP99, step.offered(), step.postToMail().get("p99"));
            offered.add(step.offered(), step.offered());
            accepted.add(step.offered(), step.accepted());
            endToEnd.add(step.offered(), step.endToEnd());
        }
        latency.addSeries(postP99);
        latency.addSeries(mailP50);
        latency.addSeries(mailP99);
        throughput.addSeries(offered);
        throughput.addSeries(accepted);
        throughput.addSeries(endToEnd);
        JFreeChart latencyChart = ChartFactory.createXYLineChart("Latency against offered rate", "offered registrations/s",
            "ms (log scale)", latency, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = styled(latencyChart);
        LogAxis log = new LogAxis("ms (log scale)");
        log.setSmallestValue(0.1);
        log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
        plot.setRangeAxis(log);
        ChartUtils.saveChartAsPNG(folder.resolve("latency.png").toFile(), latencyChart, 900, 540);
        JFreeChart throughputChart = ChartFactory.createXYLineChart("Sustained against offered rate",
            "offered registrations/s", "registrations/s", throughput, PlotOrientation.VERTICAL, true, false, false);
        styled(throughputChart);
        ChartUtils.saveChartAsPNG(folder.resolve("throughput.png").toFile(), throughputChart, 900, 540);
        libraryChart(folder);
    }

    /** The steps that have a profile, for the library table and its chart. */
    private List<StepResult> profiled() {
        return results.stream().filter(step -> !step.cpuMsByLibrary().isEmpty()).toList();
    }

    /** A step's name in the library table and chart. */
    private static String column(StepResult step) {
        return step.offered() == 0 ? "closed loop" : step.offered() + "/s";
    }

    /** The library table as stacked bars, a bar a step: where a registration's CPU went, at a glance. */
    private void libraryChart(Path folder) throws IOException {
        List<StepResult> profiled = profiled();
        if (profiled.isEmpty()) {
            return;
        }
        org.jfree.data.category.DefaultCategoryDataset libraries = new org.jfree.data.category.DefaultCategoryDataset();
        for (StepResult step : profiled) {
            step.cpuMsByLibrary().forEach((library, ms) -> libraries.addValue(ms, library, column(step)));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Troupe's CPU per registration, by library", "step",
            "CPU ms per registration", libraries, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(java.awt.Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ((org.jfree.chart.renderer.category.BarRenderer) chart.getCategoryPlot().getRenderer())
            .setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        ChartUtils.saveChartAsPNG(folder.resolve("cpu-by-library.png").toFile(), chart, 900, 640);
    }

    /** Points as well as lines (one step alone is still seen), on white, whole numbers of registrations. */
    private static XYPlot styled(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setStandardTickUnits(
            org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return plot;
    }

    private static void add(XYSeries series, double x, Double y) {
        if (y != null && !y.isNaN() && y > 0) {
            series.add(x, y);
        }
    }
}
