package dev.troupe.bench;

import dev.troupe.harness.RealServers;
import dev.troupe.harness.ServiceProcess;
import java.io.IOException;
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
 * PostgreSQL schema of the run's own.
 */
final class ServiceUnderTest implements AutoCloseable {

    static final List<String> SERVICES = List.of("users", "user-commands", "gateway", "mailer", "coupons");
    private static final Pattern EMBEDDED_BROKER = Pattern.compile("amqp://guest:guest@127\\.0\\.0\\.1:(\\d+)");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int SEPARATE_POOL = 12;

    private final List<ServiceProcess> nodes = new ArrayList<>();
    private final Map<String, ServiceProcess> byService = new LinkedHashMap<>();
    private final Duration startup;

    private ServiceUnderTest(List<ServiceProcess> started, Duration startup) {
        nodes.addAll(started);
        for (ServiceProcess node : started) {
            for (String service : node.services().split(",")) {
                byService.put(service, node);
            }
        }
        this.startup = startup;
    }

    static ServiceUnderTest start(BenchOptions options, RealServers real, int smtpPort, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        List<ServiceProcess> started = new ArrayList<>();
        long begin = System.nanoTime();
        List<String> running = new ArrayList<>(SERVICES);
        if (options.console()) {
            running.add("console");
        }
        List<String> groups = options.separate() ? running : List.of(String.join(",", running));
        for (String services : groups) {
            List<String> arguments = new ArrayList<>(List.of(
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--troupe.embedded.data-dir=" + workDir.resolve("data").toAbsolutePath(),
                "--troupe.embedded.broker-port=0",
                "--troupe.admin.token=bench",
                // the consumers' delivery max over about one step, not the last minute
                "--troupe.messaging.lag-window=" + options.step().toSeconds() + "s"));
            if (real != null) {
                arguments.addAll(real.properties());
            }
            if (options.sampling() != null) {
                arguments.add("--management.tracing.sampling.probability=" + options.sampling());
            }
            if (options.separate()) {
                // five pools of the default 20 (and a LISTEN each) are more than PostgreSQL's default 100 connections
                arguments.add("--spring.datasource.hikari.maximum-pool-size=" + SEPARATE_POOL);
            }
            started.add(ServiceProcess.start(options.jar(), services, options.jvm(), arguments,
                workDir.resolve("troupe-" + services.replace(',', '+') + ".log")));
            if (options.separate() && started.size() == 1) {
                // the users service first: its migrations run once, and the others find the schema done
                started.get(0).awaitHealthy(PATIENCE);
            }
        }
        for (ServiceProcess node : started) {
            node.awaitHealthy(PATIENCE);
        }
        return new ServiceUnderTest(started, Duration.ofNanos(System.nanoTime() - begin));
    }

    List<ServiceProcess> nodes() {
        return List.copyOf(nodes);
    }

    ServiceProcess serving(String service) {
        return byService.get(service);
    }

    Duration startup() {
        return startup;
    }

    double cpuSeconds() {
        return nodes.stream().mapToDouble(ServiceProcess::cpuSeconds).sum();
    }

    /** CPU seconds by thread name, every Troupe process's threads of one name together. */
    java.util.Map<String, Double> cpuSecondsByThread() {
        return Stages.sum(nodes.stream().map(ServiceProcess::cpuSecondsByThread).toList());
    }

    double residentMib() {
        return nodes.stream().mapToDouble(ServiceProcess::residentMib).sum();
    }

    /** The embedded broker's port, as the start-up report gives it. */
    int embeddedBrokerPort() throws IOException {
        Matcher matcher = EMBEDDED_BROKER.matcher(Files.readString(nodes.get(0).log()));
        if (!matcher.find()) {
            throw new IllegalStateException("no embedded broker address in " + nodes.get(0).log());
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Stops every process at once (each shuts down gracefully, in parallel), and waits for all. */
    @Override
    public void close() {
        List<Thread> closing = new ArrayList<>();
        for (ServiceProcess node : nodes) {
            Thread thread = new Thread(node::close, "stop-" + node.services());
            thread.start();
            closing.add(thread);
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
