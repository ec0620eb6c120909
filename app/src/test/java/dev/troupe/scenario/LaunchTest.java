package dev.troupe.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.TroupeApplication;
import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Whether the console's scenario buttons can run, and how: the packaged jar again where this JVM runs
 * from it, its class path again where it runs from one ({@code ./mvnw spring-boot:run}), else not at all.
 */
class LaunchTest {

    @Test
    void fromThePackagedJarTheJarAgain() {
        assertThat(Launch.of("app/target/troupe.jar", false)).contains(Launch.jar(Path.of("app/target/troupe.jar")));
        assertThat(Launch.jar(Path.of("app/target/troupe.jar")).arguments())
            .containsExactly("-jar", Path.of("app/target/troupe.jar").toAbsolutePath().toString());
    }

    @Test
    void fromAClassPathAsSpringBootRunHasItTheClassPathAgainWithTheMainClass() {
        String classPath = String.join(File.pathSeparator, "/work/app/target/classes", "/root/.m2/a.jar", "/root/.m2/b.jar");

        assertThat(Launch.of(classPath, true)).map(Launch::arguments)
            .contains(java.util.List.of("-cp", classPath, TroupeApplication.class.getName()));
    }

    @Test
    void aJarOnTheClassPathThatListsTheOthersIsAClassPathToo() {
        // Surefire's and Failsafe's manifest-only jar: the JVM reads the class path from its manifest
        assertThat(Launch.of("/tmp/surefire/surefirebooter.jar", true)).map(Launch::arguments)
            .contains(java.util.List.of("-cp", "/tmp/surefire/surefirebooter.jar", Launch.MAIN));
    }

    @Test
    void loadedByAnotherLoaderFromSeveralPlacesThereIsNothingToRepeat() {
        assertThat(Launch.of("/ide/classes" + File.pathSeparator + "/ide/lib.jar", false)).isEmpty();
        assertThat(Launch.of("", true)).isEmpty();
    }

    @Test
    void theMainClassNamedIsTheApplications() {
        assertThat(Launch.MAIN).isEqualTo(TroupeApplication.class.getName());
    }
}
