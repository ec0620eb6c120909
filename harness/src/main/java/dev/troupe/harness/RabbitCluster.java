package dev.troupe.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A three-node RabbitMQ cluster on this machine, beside its own node, which it never touches:
 * node names, ports, data, logs and Erlang cookie of its own, under one folder, started with the
 * unwrapped scripts of the Debian package (its {@code /usr/sbin} wrappers switch user and cookie).
 * Written here because no library starts a RabbitMQ cluster without Docker; the steps and their
 * costs are those measured in the team's notes (fresh start and join 14 to 18 s; a killed node
 * back in 5 to 12 s).
 */
public final class RabbitCluster implements AutoCloseable {

    private static final Path SCRIPTS = Path.of("/usr/lib/rabbitmq/bin");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /**
     * Boots of one node before giving up: a node's VM may come up while its rabbit application
     * stops during boot (seen once in CI on a killed node's restart, "rabbit_is_not_running"); a
     * second boot of the same data has always come up.
     */
    private static final int BOOTS = 3;
    /** Error lines of a node's own log quoted in a failure, the newest last. */
    private static final int LOG_ERRORS = 5;

    /** One node: its name, AMQP port and distribution port. */
    public record Node(int number, String name, int port, int distributionPort) {
    }

    private final Path folder;
    private final List<Node> nodes = new ArrayList<>();

    /**
     * Starts three nodes and joins the second and third to the first.
     *
     * @param folder where the nodes keep data, logs and their cookie; created, and deleted on close
     * @param run    a few lower-case letters and digits naming the nodes ({@code t<run>n1@localhost} ...)
     */
    public RabbitCluster(Path folder, String run) {
        if (!Files.isExecutable(SCRIPTS.resolve("rabbitmq-server"))) {
            throw new IllegalStateException("a RabbitMQ cluster needs RabbitMQ's scripts in " + SCRIPTS
                + " (Debian's rabbitmq-server package)");
        }
        this.folder = folder.toAbsolutePath();
        try {
            Files.createDirectories(this.folder);
            Path cookie = this.folder.resolve(".erlang.cookie");
            // before the nodes start together: each would otherwise make one of its own, and they race
            Files.writeString(cookie, "TROUPECLUSTER" + run.toUpperCase());
            Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
            Files.writeString(this.folder.resolve("rabbitmq-env.conf"), "");
            Files.writeString(this.folder.resolve("enabled_plugins"), "[].");
            // the quorum write-ahead log otherwise grows to about 750 MiB per node under load
            Files.writeString(this.folder.resolve("rabbitmq.conf"), "raft.wal_max_size_bytes = 64000000\n");
            for (int number = 1; number <= 3; number++) {
                nodes.add(new Node(number, "t" + run + "n" + number + "@localhost", freePort(), freePort()));
            }
            List<Process> starting = new ArrayList<>();
            for (Node node : nodes) {
                starting.add(server(node));
            }
            for (int i = 0; i < nodes.size(); i++) {
                awaitExit(starting.get(i), "rabbitmq-server -detached (" + nodes.get(i).name + ")");
                awaitRunning(nodes.get(i), 1);
            }
            for (Node node : nodes.subList(1, nodes.size())) {
                ctl(node, "stop_app");
                ctl(node, "join_cluster", nodes.get(0).name);
                ctl(node, "start_app");
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** {@code spring.rabbitmq.addresses}: every node, the first first. */
    public String addresses() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port).collect(Collectors.joining(","));
    }

    /**
     * The node that leads most of the quorum queues of the default virtual host, asked of a node
     * that is running.
     */
    public Node leader() {
        Map<String, Integer> led = new HashMap<>();
        for (String line : ctl(running(), "list_queues", "-q", "--no-table-headers", "name", "leader").split("\n")) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length == 2) {
                led.merge(columns[1], 1, Integer::sum);
            }
        }
        String name = led.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
            .orElseThrow(() -> new IllegalStateException("no quorum queue has a leader"));
        return nodes.stream().filter(node -> node.name.equals(name)).findFirst()
            .orElseThrow(() -> new IllegalStateException("queues led by " + name + ", not a node of this cluster"));
    }

    /** {@code kill -9} of the node's Erlang VM, and waits until it is gone. */
    public void kill(Node node) {
        ProcessHandle.of(pid(node)).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
        try {
            // else the next start's wait may read the dead VM's pid before the new one writes its own
            Files.deleteIfExists(pidFile(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a stopped or killed node again; it rejoins the cluster it was part of. */
    public void start(Node node) throws IOException {
        awaitExit(server(node), "rabbitmq-server -detached (" + node.name + ")");
        awaitRunning(node, 1);
    }

    private Node running() {
        return nodes.stream().filter(node -> Files.exists(pidFile(node)) && ProcessHandle.of(pid(node))
            .map(ProcessHandle::isAlive).orElse(false)).findFirst()
            .orElseThrow(() -> new IllegalStateException("no node of the cluster is running"));
    }

    private Process server(Node node) throws IOException {
        return command(node, SCRIPTS.resolve("rabbitmq-server").toString(), "-detached").start();
    }

    /** Waits for the node's rabbit application; a boot that failed is killed and tried again. */
    private void awaitRunning(Node node, int boot) throws IOException {
        try {
            ctl(node, "wait", pidFile(node).toString(), "--timeout", String.valueOf(PATIENCE.toSeconds()));
        } catch (IllegalStateException failed) {
            if (boot == BOOTS) {
                throw new IllegalStateException(failed.getMessage() + " (boot " + boot + " of " + BOOTS + "); "
                    + node.name + "'s log: " + logErrors(node), failed);
            }
            if (Files.exists(pidFile(node))) {
                kill(node);
            }
            awaitExit(server(node), "rabbitmq-server -detached (" + node.name + ")");
            awaitRunning(node, boot + 1);
        }
    }

    /** The newest error lines of the node's log, for a failure that would otherwise name only its symptom. */
    private String logErrors(Node node) {
        Path log = folder.resolve("node" + node.number).resolve("log").resolve(node.name + ".log");
        try (Stream<String> lines = Files.lines(log)) {
            List<String> errors = lines.filter(line -> line.contains("[error]") || line.contains("BOOT FAILED"))
                .toList();
            return errors.isEmpty() ? "no error in " + log
                : String.join(" | ", errors.subList(Math.max(0, errors.size() - LOG_ERRORS), errors.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "unreadable (" + unreadable.getMessage() + ")";
        }
    }

    /** rabbitmqctl against one node; its output, or a one-line failure. */
    private String ctl(Node node, String... arguments) {
        List<String> command = new ArrayList<>(List.of(SCRIPTS.resolve("rabbitmqctl").toString(), "-n", node.name));
        command.addAll(List.of(arguments));
        try {
            return Commands.run(command(node, command.toArray(String[]::new)),
                "rabbitmqctl -n " + node.name + " " + String.join(" ", arguments), PATIENCE.toSeconds());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessBuilder command(Node node, String... command) {
        Path home = folder.resolve("node" + node.number);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("HOME", folder.toString()); // the cookie
        env.put("RABBITMQ_CONF_ENV_FILE", folder.resolve("rabbitmq-env.conf").toString()); // not the machine node's
        env.put("RABBITMQ_NODENAME", node.name);
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", String.valueOf(node.port));
        env.put("RABBITMQ_DIST_PORT", String.valueOf(node.distributionPort));
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", home.resolve("log").toString());
        env.put("RABBITMQ_PID_FILE", pidFile(node).toString());
        env.put("RABBITMQ_CONFIG_FILE", folder.resolve("rabbitmq.conf").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", folder.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        return builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
            folder.resolve("node" + node.number + ".out").toFile()));
    }

    private Path pidFile(Node node) {
        return folder.resolve("node" + node.number + ".pid");
    }

    private long pid(Node node) {
        try {
            return Long.parseLong(Files.readString(pidFile(node)).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid for " + node.name + " in " + pidFile(node), e);
        }
    }

    private static void awaitExit(Process process, String what) {
        try {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not end within " + PATIENCE.toSeconds() + " s");
            }
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

    /** Every node killed (nothing of the cluster is kept) and the folder deleted. */
    @Override
    public void close() {
        for (Node node : nodes) {
            if (Files.exists(pidFile(node))) {
                try {
                    kill(node);
                } catch (RuntimeException gone) {
                    // never started, or already gone
                }
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary folder: not worth failing the run for
        }
    }
}
