package dev.troupe.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the Troupe jar, running the services it is given on an HTTP port of its own, its
 * output in a log file. It can be stopped (SIGTERM: a graceful shutdown), killed (SIGKILL: no
 * shutdown at all) and started again with the same arguments and port. Reads its CPU time and
 * resident memory from /proc.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);
    /** One client for every health check: a start and each restart ask many times. */
    private static final HttpClient HEALTH = HttpClient.newHttpClient();
    /** Ports handed out in this JVM: each child binds its own much later, so none may be handed out twice. */
    private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();

    private final String services;
    private final int port;
    private final List<String> command;
    private final Path log;
    private volatile Process process;

    private ServiceProcess(String services, int port, List<String> command, Path log) {
        this.services = services;
        this.port = port;
        this.command = command;
        this.log = log;
    }

    /**
     * Starts {@code java <jvm> -jar <jar> --troupe.services=<services> --server.port=<a free port> <arguments>}
     * without waiting for it to be healthy.
     */
    public static ServiceProcess start(Path jar, String services, List<String> jvm, List<String> arguments, Path log)
        throws IOException {
        return start(List.of("-jar", jar.toAbsolutePath().toString()), services, jvm, arguments, log);
    }

    /**
     * The same, Troupe started by {@code launch}, what follows {@code java} and the JVM options:
     * {@code -jar <jar>}, or {@code -cp <class path> <main class>} where there is no packaged jar.
     */
    public static ServiceProcess start(List<String> launch, String services, List<String> jvm, List<String> arguments,
                                       Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(launch);
        command.addAll(List.of("--troupe.services=" + services, "--server.port=" + port));
        command.addAll(arguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ServiceProcess started = new ServiceProcess(services, port, List.copyOf(command), log);
        started.launch();
        // a driver stopped (Ctrl-C, a test JVM killed) must not leave services consuming behind it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.process.destroyForcibly()));
        return started;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    public int port() {
        return port;
    }

    public String services() {
        return services;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /actuator/health} says UP; fails at once if the process has exited. */
    public void awaitHealthy(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Troupe (" + services + ") exited while starting; see " + log);
            }
            try {
                HttpResponse<String> health = HEALTH.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waits.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("Troupe (" + services + ") was not healthy within " + patience.toSeconds()
            + " s; see " + log);
    }

    /** SIGTERM, and waits for the exit (a graceful shutdown); SIGKILL if it takes longer than 30 s. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** SIGKILL: the process ends where it is, nothing shut down, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** The same command again (same port, same arguments), once the last one has exited. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("Troupe (" + services + ") is still running");
        }
        launch();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The JVM's process id (a profiler attaches to it). */
    public long pid() {
        return process.pid();
    }

    /** user + system CPU seconds so far, from /proc (Linux). */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds of each of this process's threads so far, by thread name (as the kernel keeps it:
     * its first 15 characters), from /proc (Linux); empty where there is none. Threads that ended
     * are not in it: a pool's threads live as long as the process does.
     */
    public java.util.Map<String, Double> cpuSecondsByThread() {
        java.util.Map<String, Double> threads = new java.util.HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        try (java.util.stream.Stream<Path> all = Files.list(tasks)) {
            all.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    threads.merge(name, seconds, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the reading
                }
            });
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return threads;
    }

    /** Resident memory now, in MiB, from /proc (Linux). */
    public double residentMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (TAKEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
