package dev.troupe.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildOutputTest {

    @Test
    void theJvmsNoticesGoAndTheProgramsLinesStay() {
        String output = "Picked up JAVA_TOOL_OPTIONS: -Dx=y\n"
            + "NOTE: Picked up JDK_JAVA_OPTIONS: -Xmx1g\n"
            + "Picked up _JAVA_OPTIONS: -Dz=1\n"
            + "troupe embedded-servers: the data folder is in use\n"
            + "a line that mentions Picked up JAVA_TOOL_OPTIONS: later on stays\n";

        assertThat(ChildOutput.withoutJvmNotices(output)).isEqualTo("troupe embedded-servers: the data folder is in use\n"
            + "a line that mentions Picked up JAVA_TOOL_OPTIONS: later on stays\n");
    }

    @Test
    void outputWithoutNoticesIsUnchanged() {
        assertThat(ChildOutput.withoutJvmNotices("ready broker=1 database=2\n")).isEqualTo("ready broker=1 database=2\n");
    }
}
