package dev.troupe.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run does, from {@code --name=value} arguments.
 *
 * @param servers     {@code embedded} (the jar's own broker, database and mail catcher stand-ins,
 *                    mail to the benchmark's sink) or {@code real} (this machine's RabbitMQ and
 *                    PostgreSQL, in a virtual host and a schema of the run's own)
 * @param separate    every service in a process of its own (real servers only), else all in one
 * @param rates       the open-loop rates to try, in registrations a second, in order; the run stops
 *                    stepping at the first that is not sustained
 * @param step        how long each rate is offered
 * @param warmup      how long the lowest rate is offered first, not counted (the JIT needs about 30 s at 50/s)
 * @param connections the closed-loop run's concurrent clients (0: none)
 * @param closed      how long the closed-loop run lasts
 * @param limits      how long PerfTest and pgbench each run (0: not at all)
 * @param relayRows   the backlog the relay alone drains, on the real servers (0: not at all)
 * @param jar         the Troupe jar under test
 * @param out         where the reports go
 * @param jvm         options for Troupe's JVMs (say, a flight recording), space-separated
 * @param console     the console runs too, with a page open on it (its live feed read by the benchmark) the whole run
 * @param idle        how long Troupe is watched with nothing to do, after the warm-up, for its idle CPU (0: not at all)
 * @param sampling    the share of requests Troupe traces ({@code management.tracing.sampling.probability}), from 0
 *                    to 1; null for the jar's own (1: every request)
 * @param profile     each counted step profiled by async-profiler: a flame graph per step and its CPU by library
 */
record BenchOptions(String servers, boolean separate, List<Integer> rates, Duration step, Duration warmup,
                    int connections, Duration closed, Duration limits, int relayRows, Path jar, Path out, List<String> jvm,
                    boolean console, Double sampling, Duration idle, boolean profile) {

    private static final Set<String> NAMES = Set.of("servers", "services", "rates", "step", "warmup", "connections",
        "closed", "limits", "relay-rows", "jar", "out", "smoke", "jvm", "console", "sampling", "idle", "profile");

    static final String USAGE = """
        usage: java -jar bench/target/troupe-bench.jar [--servers=embedded|real] [--services=together|separate]
                 [--rates=100,200,400,...] [--step=20s] [--warmup=30s] [--connections=32] [--closed=20s]
                 [--limits=10s] [--relay-rows=50000] [--jar=app/target/troupe.jar] [--out=bench/target/report] [--jvm="-Xmx512m ..."] [--smoke]
                 [--console] [--sampling=0..1] [--idle=10s] [--profile=true|false]""";

    boolean real() {
        return servers.equals("real");
    }

    static BenchOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String[] pair = arg.substring(2).split("=", 2);
            if (!NAMES.contains(pair[0])) {
                throw new IllegalArgumentException("unknown option --" + pair[0]);
            }
            given.put(pair[0], pair.length == 2 ? pair[1] : "true");
        }
        boolean smoke = Boolean.parseBoolean(given.getOrDefault("smoke", "false"));
        String servers = given.getOrDefault("servers", "embedded");
        if (!servers.equals("embedded") && !servers.equals("real")) {
            throw new IllegalArgumentException("--servers is embedded or real, not '" + servers + "'");
        }
        String services = given.getOrDefault("services", "together");
        if (!services.equals("together") && !services.equals("separate")) {
            throw new IllegalArgumentException("--services is together or separate, not '" + services + "'");
        }
        if (services.equals("separate") && servers.equals("embedded")) {
            throw new IllegalArgumentException("--services=separate needs --servers=real: the embedded broker and database"
                + " live in one process");
        }
        BenchOptions options = new BenchOptions(servers, services.equals("separate"),
            rates(given.getOrDefault("rates", smoke ? "20" : "100,200,400,700,1000,1400,2000")),
            duration("step", given.getOrDefault("step", smoke ? "3s" : "20s")),
            duration("warmup", given.getOrDefault("warmup", smoke ? "2s" : "30s")),
            integer("connections", given.getOrDefault("connections", smoke ? "4" : "32")),
            duration("closed", given.getOrDefault("closed", smoke ? "2s" : "20s")),
            duration("limits", given.getOrDefault("limits", smoke ? "2s" : "10s")),
            integer("relay-rows", given.getOrDefault("relay-rows", smoke ? "2000" : "50000")),
            Path.of(given.getOrDefault("jar", "app/target/troupe.jar")),
            Path.of(given.getOrDefault("out", "bench/target/report")),
            given.containsKey("jvm") ? List.of(given.get("jvm").strip().split("\\s+")) : List.of(),
            Boolean.parseBoolean(given.getOrDefault("console", "false")),
            given.containsKey("sampling") ? share("sampling", given.get("sampling")) : null,
            duration("idle", given.getOrDefault("idle", smoke ? "2s" : "10s")),
            Boolean.parseBoolean(given.getOrDefault("profile", "true")));
        if (options.relayRows() < 0) {
            throw new IllegalArgumentException("--relay-rows is a number of outbox rows, 0 for none");
        }
        if (!options.jar().toFile().isFile()) {
            throw new IllegalArgumentException("no Troupe jar at " + options.jar() + " (build it: ./mvnw -q package -DskipTests,"
                + " or name it with --jar)");
        }
        return options;
    }

    private static List<Integer> rates(String text) {
        List<Integer> rates = new ArrayList<>();
        for (String rate : text.split(",")) {
            int value = integer("rates", rate.strip());
            if (value <= 0) {
                throw new IllegalArgumentException("--rates are positive numbers of registrations a second");
            }
            rates.add(value);
        }
        return List.copyOf(rates);
    }

    private static double share(String name, String text) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--" + name + " takes a share from 0 to 1, not '" + text + "'");
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + text + "'");
        }
    }

    /** 20s, 500ms, 2m. */
    private static Duration duration(String name, String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long value = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(value);
                case 'm' -> Duration.ofMinutes(value);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--" + name + " takes a duration such as 20s, 500ms or 2m, not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return "servers=" + servers + (separate ? ", services separate" : ", services together") + ", rates="
            + Arrays.toString(rates.toArray()) + "/s, " + step.toSeconds() + " s each after " + warmup.toSeconds()
            + " s warm-up, closed loop " + connections + " clients for " + closed.toSeconds() + " s"
            + (console ? ", console open" : "") + (sampling != null ? ", tracing sampling " + sampling : "")
            + (profile ? "" : ", not profiled");
    }
}
