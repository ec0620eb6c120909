package dev.troupe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A registration's CPU by stage, from the threads' CPU seconds by name at a step's start and end. */
class StagesTest {

    @Test
    void threadsGoToTheirStageAndAThreadThatEndedCountsForNothing() {
        Map<String, Double> before = Map.of("http-nio-8080-e", 1.0, "outbox-relay-0", 0.5, "C2 CompilerThre", 9.0,
            "C1 CompilerThre", 3.0);
        Map<String, Double> after = Map.of("http-nio-8080-e", 1.2, "outbox-relay-0", 0.55, "C2 CompilerThre", 9.1,
            "mailer.user-cre", 0.1);

        Map<String, Double> perRegistration = Stages.perRegistration(before, after, 100);

        assertThat(perRegistration.get("HTTP + users' transaction")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(perRegistration.get("relay")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(perRegistration.get("JIT")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(perRegistration.get("mailer (consumer + SMTP)")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(perRegistration.keySet()).startsWith("HTTP + users' transaction").endsWith("other");
    }
}
