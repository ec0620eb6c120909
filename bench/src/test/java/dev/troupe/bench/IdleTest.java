package dev.troupe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The idle window's figures: every thread's CPU per second, the busiest named without their numbers. */
class IdleTest {

    @Test
    void threadsOfOneNameAreAddedAndTheBusiestNamedFirst() {
        Map<String, Double> before = Map.of("outbox-relay-0", 1.0, "outbox-relay-1", 2.0, "C2 CompilerThre", 5.0,
            "G1 Service", 0.5);
        Map<String, Double> after = Map.of("outbox-relay-0", 1.02, "outbox-relay-1", 2.02, "C2 CompilerThre", 5.1,
            "G1 Service", 0.5, "Attach Listener", 0.01);

        Idle idle = Idle.of(Duration.ofSeconds(10), 10.0, 20.0, 20.15, before, after);

        assertThat(idle.cpuMsPerSecond()).isCloseTo(15.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(idle.threads().keySet()).containsExactly("C2 CompilerThre", "outbox-relay", "Attach Listener");
        assertThat(idle.threads().get("outbox-relay")).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(idle.jitMsPerSecond()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(idle.line()).contains("15.0 ms of CPU per second, 1.50 % of one core")
            .contains("10.0 ms/s of it the JIT compilers finishing the warm-up's work, 5.0 ms/s (0.50 %) the rest")
            .contains("most of it on C2 CompilerThre 10.0, outbox-relay 4.0, Attach Listener 1.0 ms/s");
    }

    /** The JVM stops compiler threads it no longer needs: one gone in the window takes nothing from the whole. */
    @Test
    void aThreadThatEndedInTheWindowCountsForNothing() {
        Map<String, Double> before = Map.of("C1 CompilerThre", 30.0, "outbox-relay-0", 1.0);
        Map<String, Double> after = Map.of("outbox-relay-0", 1.01);

        Idle idle = Idle.of(Duration.ofSeconds(10), 10.0, 50.0, 50.01, before, after);

        assertThat(idle.cpuMsPerSecond()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(idle.jitMsPerSecond()).isZero();
        assertThat(idle.threads()).containsOnlyKeys("outbox-relay");
    }
}
