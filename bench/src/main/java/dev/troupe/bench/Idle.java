package dev.troupe.bench;

import java.time.Duration;

/**
 * What Troupe costs with nothing to do: the CPU its processes use over a quiet window after the
 * warm-up has drained (the JIT done, nothing in flight), per second of wall time. Its share of one
 * core is the figure that says whether an idle service wakes up for nothing.
 *
 * @param window       how long it was watched (zero: not measured)
 * @param cpuMsPerSecond CPU milliseconds of every Troupe process per second of the window
 */
record Idle(Duration window, double cpuMsPerSecond) {

    static Idle notMeasured() {
        return new Idle(Duration.ZERO, Double.NaN);
    }

    /** The share of one core, in percent. */
    double percentOfOneCore() {
        return cpuMsPerSecond / 10;
    }

    String line() {
        return window.isZero() ? "- idle: not measured (--idle=0s)"
            : String.format(java.util.Locale.ROOT, "- idle: **%.1f ms of CPU per second, %.2f %% of one core** (every Troupe"
                + " process, %d s with no load after the warm-up drained)", cpuMsPerSecond, percentOfOneCore(),
                window.toSeconds());
    }
}
