package dev.troupe.scenario;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to start another JVM of Troupe the way this one was started: {@code -jar troupe.jar} from the
 * packaged jar, or {@code -cp <this class path> dev.troupe.TroupeApplication} from class folders and
 * plain jars ({@code ./mvnw spring-boot:run}, a test, an IDE running the main class). What follows
 * {@code java} and its JVM options: a scenario, its services and its embedded servers all start so.
 *
 * @param arguments {@code -jar <jar>}, or {@code -cp <class path> <main class>}
 */
public record Launch(List<String> arguments) {

    /** The main class, named here rather than referred to: the scenario knows nothing of the application. */
    static final String MAIN = "dev.troupe.TroupeApplication";

    /** What to do where no launch can be found: the packaged jar's command, said the same way everywhere. */
    public static final String HOW = "build and run the packaged jar: ./mvnw -q package -DskipTests && "
        + "java -jar app/target/troupe.jar";

    public Launch {
        arguments = List.copyOf(arguments);
    }

    /** {@code java -jar <jar>}. */
    public static Launch jar(Path jar) {
        return new Launch(List.of("-jar", jar.toAbsolutePath().toString()));
    }

    /** How this JVM was started, if another can be started the same way. */
    public static Optional<Launch> ofThisProcess() {
        return of(System.getProperty("java.class.path", ""),
            Launch.class.getClassLoader() == ClassLoader.getSystemClassLoader());
    }

    /**
     * @param classPath     this JVM's {@code java.class.path}
     * @param fromClassPath whether Troupe's classes were loaded from it by the JVM's own class loader;
     *                      if not, a launcher inside a jar loaded them (Spring Boot's, {@code java -jar})
     */
    static Optional<Launch> of(String classPath, boolean fromClassPath) {
        if (classPath.isBlank()) {
            return Optional.empty();
        }
        if (fromClassPath) {
            // class folders and jars, or a jar whose manifest lists them (Surefire's): the JVM reads either
            return Optional.of(new Launch(List.of("-cp", classPath, MAIN)));
        }
        boolean oneJar = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
        // another loader, from another place than the class path (an IDE's, a restarting one): nothing to repeat
        return oneJar ? Optional.of(jar(Path.of(classPath))) : Optional.empty();
    }
}
