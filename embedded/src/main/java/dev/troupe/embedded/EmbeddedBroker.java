package dev.troupe.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.LoggerFactory;

/**
 * Apache Qpid Broker-J, in process, speaking AMQP 0-9-1 on 127.0.0.1, its durable queues and
 * persistent messages in a Derby store under the work folder: a stand-in for RabbitMQ when none
 * is configured, that loses nothing across a restart. Its threads keep the JVM alive, so it is
 * always stopped with the application context.
 */
public class EmbeddedBroker {

    public static final String USERNAME = "guest";
    public static final String PASSWORD = "guest";
    private static final String CONFIGURATION = "embedded/qpid-broker.json";
    private static final String SYSTEM_PROPERTIES = "embedded/qpid-system.properties";

    private final int port;
    private final Path workDir;
    private final AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
    private final SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
        @Override
        public void onContainerResolve(SystemConfig<?> systemConfig) {
            system.set(systemConfig);
        }
    });

    public EmbeddedBroker(int port, Path workDir) {
        this.port = port;
        this.workDir = workDir;
    }

    private volatile java.util.concurrent.CompletableFuture<Void> started;

    /**
     * Starts the broker on a thread of its own and returns at once: its 4-6 s of start-up overlap
     * the rest of the application's, and the first connection waits for it ({@link #awaitStarted}).
     */
    public void start() {
        started = new java.util.concurrent.CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                startNow();
                started.complete(null);
            } catch (Exception | Error e) {
                started.completeExceptionally(e);
            }
        }, "embedded-broker-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Waits until the broker listens; a broker that could not start is an IOException, as a refused connection would be. */
    public void awaitStarted() throws java.io.IOException {
        try {
            started.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new java.io.IOException("the embedded broker did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.io.IOException("the embedded broker did not start within 2 minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the embedded broker started");
        }
    }

    private void startNow() throws Exception {
        Map<String, String> context = new HashMap<>();
        context.put("troupe.broker.port", Integer.toString(port));
        context.put("troupe.broker.username", USERNAME);
        context.put("troupe.broker.password", PASSWORD);
        context.put("qpid.work_dir", workDir.toAbsolutePath().toString());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation",
            EmbeddedBroker.class.getClassLoader().getResource(CONFIGURATION).toExternalForm());
        attributes.put("initialSystemPropertiesLocation",
            EmbeddedBroker.class.getClassLoader().getResource(SYSTEM_PROPERTIES).toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);
        launcher.startup(attributes);
        withoutOwnShutdownHook();
    }

    /**
     * Qpid registers a JVM shutdown hook that stops the broker at once, racing Spring's own
     * shutdown: consumers would see the broker vanish before they are stopped. Qpid offers no switch
     * for it, so the hook is removed here, and the broker is stopped by the application context,
     * after its listeners and relay. The field is declared on {@code BrokerImpl}, while the container
     * is a subclass of it ({@code BrokerImplWithAccessChecking}), so it is looked up the hierarchy.
     */
    private void withoutOwnShutdownHook() {
        Object broker = system.get() == null ? null : system.get().getContainer();
        if (broker == null) {
            warnHookLeft("no broker container resolved");
            return;
        }
        try {
            Field hook = declaredField(broker.getClass(), "_shutdownHook");
            hook.setAccessible(true);
            if (!Runtime.getRuntime().removeShutdownHook((Thread) hook.get(broker))) {
                warnHookLeft("the hook was not registered");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            warnHookLeft(e.toString());
        }
    }

    private static Field declaredField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    /** Not silent: with the hook in place a SIGTERM stops the broker under the running listeners. */
    private static void warnHookLeft(String why) {
        LoggerFactory.getLogger(EmbeddedBroker.class)
            .warn("Qpid's own shutdown hook left in place ({}); the broker may stop before the listeners do", why);
    }

    public void stop() {
        if (started != null) {
            // a start still under way is finished before the shutdown, which would otherwise race it
            try {
                started.handle((done, failure) -> null).get(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                LoggerFactory.getLogger(EmbeddedBroker.class).warn("The embedded broker's start did not end; stopping it anyway");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        launcher.shutdown();
    }

    public int port() {
        return port;
    }
}
