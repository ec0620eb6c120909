package dev.troupe.scenario;

import dev.troupe.harness.Load;
import dev.troupe.Plural;
import dev.troupe.harness.ServiceProcess;
import dev.troupe.harness.SmtpSink;
import dev.troupe.harness.Waits;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One flow's system for one scenario: every service in a JVM of its own on this machine's RabbitMQ
 * and PostgreSQL (a virtual host and a schema of its own, dropped at the end), its mail to an SMTP
 * sink in the runner, and the registrations offered to the gateway. A scenario stops, kills and
 * starts the services through it.
 */
final class Stage implements AutoCloseable {

    /** The services, in the order they start: the users service first, so its migrations run once. */
    static final List<String> SERVICES = List.of("users", "user-commands", "gateway", "mailer", "coupons");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    // quick to start, small: five of them share two cores with the servers (as SeparateProcessesIT's)
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    final String flow;
    /** The run's and flow's name, which the registrations' addresses carry. */
    private final String run;
    final Servers servers;
    final SmtpSink sink = new SmtpSink();
    private final ScenarioOptions options;
    private final Path work;
    private final Consumer<String> say;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<Load.Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    /** A user the runner asked the gateway to delete: its id, and when it was stored. */
    record Deletion(String id, java.time.Instant storedAt) {
    }

    private final Map<String, Deletion> deleted = new java.util.concurrent.ConcurrentHashMap<>();
    /** Deletions whose answer never came (the gateway killed): done or not, either is right. */
    private final Map<String, Deletion> uncertain = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
    private Load load;

    private Stage(ScenarioOptions options, String flow, String run, Path work, Consumer<String> say) throws IOException {
        this.options = options;
        this.flow = flow;
        this.run = (run + "-" + flow).replace('_', '-');
        this.work = work;
        this.say = say;
        this.servers = new Servers(run + "_" + flow, options.servers(), options.launch(), work,
            options.scenario().cluster() ? work.resolve("cluster") : null);
    }

    static Stage start(ScenarioOptions options, String flow, String run, Path work, Consumer<String> say)
        throws IOException {
        Stage stage = new Stage(options, flow, run, work, say);
        stage.say("on " + stage.servers.describe());
        try {
            stage.startAll();
            return stage;
        } catch (IOException | RuntimeException e) {
            stage.close();
            throw e;
        }
    }

    private void startAll() throws IOException {
        long begin = System.nanoTime();
        say.accept("starting the " + flow + " flow's services, one JVM each ...");
        for (String service : SERVICES) {
            for (int instance = 1; instance <= options.scenario().instances(service); instance++) {
                String name = instance == 1 ? service : service + "-" + instance;
                List<String> arguments = new ArrayList<>(servers.properties());
                arguments.addAll(List.of("--troupe.flow=" + flow, "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + sink.port(),
                    "--troupe.embedded.data-dir=" + work.resolve("data-" + name).toAbsolutePath(),
                    // every pool in PostgreSQL's default 100 connections, the runner's and others' beside them
                    "--spring.datasource.hikari.maximum-pool-size=6"));
                if (service.equals("user-commands")) {
                    arguments.add("--troupe.user-commands.users-url=" + base("users"));
                }
                services.put(name, ServiceProcess.start(options.launch().arguments(), service, JVM, arguments,
                    work.resolve(name + ".log")));
                if (service.equals("users")) {
                    services.get(name).awaitHealthy(PATIENCE);
                }
            }
        }
        services.values().forEach(process -> process.awaitHealthy(PATIENCE));
        load = new Load(http, base("gateway"), Load.Target.GATEWAY, run);
        say.accept(String.format("  healthy after %.1f s (logs in %s)", (System.nanoTime() - begin) / 1e9, work));
    }

    /** The processes by name: each service's, and {@code mailer-2} and so on where a scenario runs more than one. */
    List<String> processes() {
        return List.copyOf(services.keySet());
    }

    String base(String service) {
        return services.get(service).base();
    }

    /** SIGTERM, and waits until it has shut down. */
    void stop(String service) {
        services.get(service).stop();
        say.accept("  " + service + " stopped");
    }

    /** SIGKILL. */
    void kill(String service) {
        services.get(service).kill();
        say.accept("  " + service + " killed (kill -9)");
    }

    /** Starts it again, as before, and waits until it is healthy. */
    void start(String service) throws IOException {
        services.get(service).restart();
        services.get(service).awaitHealthy(PATIENCE);
        say.accept("  " + service + " started again");
    }

    /**
     * Offers {@code count} registrations open loop at the options' rate, and runs {@code meanwhile}
     * once a third of them have been sent and one has been accepted (on a slow machine the first
     * answers can take longer than a third of the time, and an outage before any was accepted would
     * test nothing); returns once every one has its answer.
     */
    void register(int count, Action meanwhile) throws Exception {
        Duration duration = Duration.ofNanos(Math.round(count * 1e9 / options.rate()));
        // a label of its own each time: the addresses are made from it
        String label = "r" + batches.getAndIncrement();
        java.util.concurrent.CompletableFuture<Load.Step> started = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.FutureTask<Load.Step> sending = new java.util.concurrent.FutureTask<>(
            () -> load.open(label, options.rate(), duration, started::complete));
        Thread sender = new Thread(sending, "scenario-load");
        sender.start();
        Load.Step[] step = new Load.Step[1];
        try {
            Waits.pause(duration.dividedBy(3));
            awaitOneAccepted(started.get(), duration.plus(PATIENCE));
            meanwhile.run();
        } finally {
            step[0] = sending.get(); // the load ends before anything is torn down, and its failure is the one told
        }
        Load.awaitAnswers(step[0]);
        registrations.addAll(step[0].registrations);
        say.accept("  " + Plural.count(step[0].registrations.size(), "registration") + " offered, "
            + step[0].registrations.stream().filter(Load.Registration::accepted).count() + " accepted");
    }

    /** Waits until one of the step's registrations is accepted, or all are answered, or {@code patience} has passed. */
    private static void awaitOneAccepted(Load.Step step, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && step.registrations.stream().noneMatch(Load.Registration::accepted)
            && step.registrations.stream().anyMatch(registration -> registration.answeredNanos == 0)) {
            Waits.pause(Duration.ofMillis(20));
        }
    }

    /**
     * A steady stream while {@code faults} run: registrations open loop at the options' rate, one
     * second's worth at a time, and after each second deletions of a fifth as many users already
     * stored; it ends once the faults are done.
     */
    void stream(Action faults) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Exception[] failed = new Exception[1];
        Thread stream = new Thread(() -> {
            try {
                for (int second = 0; !done.get(); second++) {
                    Load.Step step = load.open("s" + second, options.rate(), Duration.ofSeconds(1));
                    Load.awaitAnswers(step);
                    registrations.addAll(step.registrations);
                    deleteSome(Math.max(1, options.rate() / 5));
                }
            } catch (Exception e) {
                failed[0] = e;
            }
        }, "scenario-stream");
        stream.start();
        try {
            faults.run();
        } finally {
            done.set(true);
            stream.join();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        say.accept("  " + Plural.count(registrations.size(), "registration") + " offered, "
            + registrations().stream().filter(Load.Registration::accepted).count() + " accepted; "
            + Plural.count(deleted.size(), "deletion") + " accepted");
    }

    /** Deletes up to {@code count} users of this run that are stored and not yet deleted, through the gateway. */
    private void deleteSome(int count) throws java.sql.SQLException, InterruptedException {
        for (Map.Entry<String, Deletion> user : stored(count).entrySet()) {
            delete(user.getKey(), user.getValue());
        }
    }

    /** Deletes every user stored and not yet deleted, then waits a moment before the next look. */
    private void deleteStoredAndPause() throws java.sql.SQLException, InterruptedException {
        deleteSome(Integer.MAX_VALUE);
        Waits.pause(Duration.ofMillis(20));
    }

    /**
     * Deletes each user of the run's accepted registrations as soon as it is stored: its user_created
     * still on its way to the mailer and the coupons. Ends when every one is deleted, or after
     * {@code patience}.
     */
    void deleteOnceStored(Duration patience) throws java.sql.SQLException, InterruptedException {
        long accepted = registrations().stream().filter(Load.Registration::accepted).count();
        long deadline = System.nanoTime() + patience.toNanos();
        while (deleted.size() < accepted && System.nanoTime() < deadline) {
            deleteStoredAndPause();
        }
        say.accept("  " + Plural.count(deleted.size(), "user") + " deleted, each as soon as it was stored");
    }

    /** Runs {@code action} while every user stored meanwhile is deleted at once, then deletes the rest as they come. */
    void deletingWhile(Action action) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread deleter = new Thread(() -> {
            try {
                while (!done.get()) {
                    deleteStoredAndPause();
                }
            } catch (java.sql.SQLException | InterruptedException | RuntimeException e) {
                say.accept("  deleting stopped: " + e);
            }
        }, "scenario-deleter");
        deleter.start();
        try {
            action.run();
        } finally {
            done.set(true);
            deleter.join();
        }
        deleteOnceStored(Duration.ofSeconds(60));
    }

    /** Up to {@code count} stored users not yet deleted (or asked to be): address, id and when it was stored. */
    private Map<String, Deletion> stored(int count) throws java.sql.SQLException {
        Map<String, Deletion> stored = new LinkedHashMap<>();
        servers.query("SELECT lower(email), id, created_at FROM %s.users ORDER BY created_at LIMIT 1000", row -> {
            String email = row.getString(1);
            if (stored.size() < count && !deleted.containsKey(email) && !uncertain.containsKey(email)) {
                stored.put(email, new Deletion(row.getString(2),
                    row.getObject(3, java.time.OffsetDateTime.class).toInstant()));
            }
        });
        return stored;
    }

    /** {@code DELETE /external_users/{id}} at the gateway; noted as deleted once accepted (202). */
    private void delete(String email, Deletion user) throws InterruptedException {
        try {
            java.net.http.HttpResponse<Void> answer = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base("gateway") + "/external_users/" + user.id())).DELETE()
                .timeout(Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 202) {
                deleted.put(email, user);
            }
        } catch (IOException gatewayAway) {
            // no answer (the gateway killed, say): it may have published the deletion before it died
            uncertain.put(email, user);
        }
    }

    /** The addresses whose user's deletion the gateway accepted. */
    Map<String, Deletion> deleted() {
        return Map.copyOf(deleted);
    }

    /** The addresses whose user's deletion was asked for with no answer: either outcome is right. */
    Map<String, Deletion> uncertain() {
        return Map.copyOf(uncertain);
    }

    /** One registration of an address, answered before this returns. */
    Load.Registration registerOnce(String name, String email) throws InterruptedException {
        Load.Registration registration = load.once(name, email);
        registrations.add(registration);
        return registration;
    }

    /** Waits until at least {@code count} users are stored, or {@code patience} has passed. */
    void awaitUsers(long count, Duration patience) throws java.sql.SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && servers.count("SELECT count(*) FROM %s.users") < count) {
            Waits.pause(Duration.ofMillis(200));
        }
    }

    /** Publishes {@code count} create_user messages whose body is not JSON, as a broken publisher would. */
    void publishPoison(int count) throws IOException, java.util.concurrent.TimeoutException, InterruptedException {
        try (com.rabbitmq.client.Connection connection = servers.amqp("troupe-scenario-poison");
             com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < count; i++) {
                channel.basicPublish(dev.troupe.topology.Topology.EXCHANGE, dev.troupe.topology.Topology.CREATE_USER,
                    new com.rabbitmq.client.AMQP.BasicProperties.Builder().deliveryMode(2)
                        .messageId("poison-" + i).build(),
                    ("not json " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
        }
        say("  " + Plural.count(count, "poison message") + " published on create_user");
    }

    void say(String line) {
        say.accept(line);
    }

    List<Load.Registration> registrations() {
        return List.copyOf(registrations);
    }

    /** Something a scenario does to the system. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        sink.close();
        servers.close();
    }
}
