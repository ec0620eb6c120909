package dev.troupe.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * Apache Qpid Broker-J, in process, speaking AMQP 0-9-1 on 127.0.0.1 with an in-memory virtual
 * host: a stand-in for RabbitMQ when none is configured. Its threads keep the JVM alive, so it is
 * always stopped with the application context.
 */
public class EmbeddedBroker {

    public static final String USERNAME = "guest";
    public static final String PASSWORD = "guest";
    private static final String CONFIGURATION = "embedded/qpid-broker.json";

    private final int port;
    private final Path workDir;
    private final SystemLauncher launcher = new SystemLauncher();

    public EmbeddedBroker(int port, Path workDir) {
        this.port = port;
        this.workDir = workDir;
    }

    public void start() throws Exception {
        Map<String, String> context = new HashMap<>();
        context.put("troupe.broker.port", Integer.toString(port));
        context.put("troupe.broker.username", USERNAME);
        context.put("troupe.broker.password", PASSWORD);
        context.put("qpid.work_dir", workDir.toAbsolutePath().toString());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation",
            EmbeddedBroker.class.getClassLoader().getResource(CONFIGURATION).toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);
        launcher.startup(attributes);
    }

    public void stop() {
        launcher.shutdown();
    }

    public int port() {
        return port;
    }
}
