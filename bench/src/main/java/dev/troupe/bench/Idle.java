package dev.troupe.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Troupe costs with nothing to do: the CPU its processes use over a quiet window after the
 * warm-up has drained (the JIT done, nothing in flight), per second of wall time. Its share of one
 * core is the figure that says whether an idle service wakes up for nothing.
 *
 * @param window       how long it was watched (zero: not measured)
 * @param cpuMsPerSecond CPU milliseconds of every Troupe process per second of the window
 * @param threads      the threads that spent the most of it, ms per second, by name without its number
 *                     ({@code outbox-relay}, {@code C2 CompilerThre}), the most first
 * @param jitMsPerSecond the part of it the JIT compilers spent: after a warm-up of seconds they are still
 *                     compiling what it made hot, which a service idle for minutes is done with
 */
record Idle(Duration window, double cpuMsPerSecond, Map<String, Double> threads, double jitMsPerSecond) {

    /** How many threads the report names. */
    static final int NAMED = 6;

    static Idle notMeasured() {
        return new Idle(Duration.ZERO, Double.NaN, Map.of(), Double.NaN);
    }

    /**
     * The window's figures from two readings of the processes' CPU seconds, all of it and by thread
     * name. The whole is the processes' own count: a thread that ended in the window (the JVM stops
     * compiler threads it no longer needs) leaves the names' sum, never the process's.
     */
    static Idle of(Duration window, double seconds, double allBefore, double allAfter, Map<String, Double> before,
                   Map<String, Double> after) {
        Map<String, Double> spent = new LinkedHashMap<>();
        after.forEach((thread, cpu) -> spent.merge(thread.replaceFirst("[-#]?\\d+$", ""),
            Math.max(0, cpu - before.getOrDefault(thread, 0.0)) * 1000 / seconds, Double::sum));
        double all = (allAfter - allBefore) * 1000 / seconds;
        double jit = spent.entrySet().stream().filter(thread -> Stages.stageOf(thread.getKey()).equals("JIT"))
            .mapToDouble(Map.Entry::getValue).sum();
        Map<String, Double> most = spent.entrySet().stream().filter(thread -> thread.getValue() > 0)
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(NAMED)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new Idle(window, all, most, jit);
    }

    /** The share of one core, in percent. */
    double percentOfOneCore() {
        return cpuMsPerSecond / 10;
    }

    String line() {
        return window.isZero() ? "- idle: not measured (--idle=0s)"
            : String.format(java.util.Locale.ROOT, "- idle: **%.1f ms of CPU per second, %.2f %% of one core** (every Troupe"
                + " process, %d s with no load after the warm-up drained), %.1f ms/s of it the JIT compilers finishing"
                + " the warm-up's work, %.1f ms/s (%.2f %%) the rest%s", cpuMsPerSecond, percentOfOneCore(),
                window.toSeconds(), jitMsPerSecond, cpuMsPerSecond - jitMsPerSecond, (cpuMsPerSecond - jitMsPerSecond) / 10,
                threads.isEmpty() ? "" : "; most of it on " + threads.entrySet().stream()
                    .map(thread -> String.format(java.util.Locale.ROOT, "%s %.1f", thread.getKey(), thread.getValue()))
                    .collect(Collectors.joining(", ")) + " ms/s");
    }
}
