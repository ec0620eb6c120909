package dev.troupe.bench;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Troupe jar under test, in processes of its own: one with every service, or one per service.
 * Its mail goes to the benchmark's sink; on the real servers it gets a virtual host and a
 * PostgreSQL schema of the run's own. Reads each process's CPU time and resident memory from /proc.
 */
final class ServiceUnderTest implements AutoCloseable {

    static final List<String> SERVICES = List.of("users", "user-commands", "gateway", "mailer", "coupons");
    private static final Pattern EMBEDDED_BROKER = Pattern.compile("amqp://guest:guest@127\\.0\\.0\\.1:(\\d+)");

    /** One JVM of the jar: the services it runs, its HTTP port, its output. */
    record Node(String services, int port, Process process, Path log) {

        String base() {
            return "http://127.0.0.1:" + port;
        }

        /** user + system CPU seconds so far, from /proc (Linux). */
        double cpuSeconds() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        /** Resident memory now, in MiB, from /proc (Linux). */
        double residentMib() {
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
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byService = new LinkedHashMap<>();
    private final Duration startup;

    private ServiceUnderTest(List<Node> started, Duration startup) {
        nodes.addAll(started);
        for (Node node : started) {
            for (String service : node.services().split(",")) {
                byService.put(service, node);
            }
        }
        this.startup = startup;
    }

    static ServiceUnderTest start(BenchOptions options, RealServers real, int smtpPort, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        List<Node> started = new ArrayList<>();
        long begin = System.nanoTime();
        List<String> groups = options.separate() ? SERVICES : List.of(String.join(",", SERVICES));
        for (String services : groups) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(options.jvm());
            command.addAll(List.of("-jar", options.jar().toAbsolutePath().toString(),
                "--troupe.services=" + services,
                "--server.port=" + port,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--troupe.embedded.data-dir=" + workDir.resolve("data").toAbsolutePath(),
                "--troupe.embedded.broker-port=0",
                "--troupe.admin.token=bench",
                // the consumers' delivery max over about one step, not the last minute
                "--troupe.messaging.lag-window=" + options.step().toSeconds() + "s"));
            if (real != null) {
                command.addAll(real.properties());
            }
            Path log = workDir.resolve("troupe-" + services.replace(',', '+') + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            started.add(new Node(services, port, process, log));
            if (options.separate() && started.size() == 1) {
                // the users service first: its migrations run once, and the others find the schema done
                awaitHealthy(started.get(0), Duration.ofSeconds(120));
            }
        }
        for (Node node : started) {
            awaitHealthy(node, Duration.ofSeconds(120));
        }
        return new ServiceUnderTest(started, Duration.ofNanos(System.nanoTime() - begin));
    }

    private static void awaitHealthy(Node node, Duration patience) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.process().isAlive()) {
                throw new IllegalStateException("Troupe (" + node.services() + ") exited while starting; see " + node.log());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(node.base() + "/actuator/health"))
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
            pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("Troupe (" + node.services() + ") was not healthy within " + patience.toSeconds()
            + " s; see " + node.log());
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    Node serving(String service) {
        return byService.get(service);
    }

    Duration startup() {
        return startup;
    }

    double cpuSeconds() {
        return nodes.stream().mapToDouble(Node::cpuSeconds).sum();
    }

    double residentMib() {
        return nodes.stream().mapToDouble(Node::residentMib).sum();
    }

    /** The embedded broker's port, as the start-up report gives it. */
    int embeddedBrokerPort() throws IOException {
        Matcher matcher = EMBEDDED_BROKER.matcher(Files.readString(nodes.get(0).log()));
        if (!matcher.find()) {
            throw new IllegalStateException("no embedded broker address in " + nodes.get(0).log());
        }
        return Integer.parseInt(matcher.group(1));
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            node.process().destroy();
        }
        for (Node node : nodes) {
            try {
                if (!node.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    node.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                node.process().destroyForcibly();
            }
        }
    }
}
