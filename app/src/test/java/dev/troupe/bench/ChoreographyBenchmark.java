package dev.troupe.bench;

import dev.troupe.TroupeApplication;
import dev.troupe.embedded.FreePort;
import dev.troupe.embedded.MailCatcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the whole choreography, as a client sees it: registrations through {@code POST /users/}
 * by concurrent HTTP clients, each ending in a user_created event, a coupon and a welcome mail over
 * SMTP. Reports the HTTP rate and latency and how soon every mail arrived. All services in one
 * process on the real RabbitMQ (a virtual host of its own) and PostgreSQL (a schema of its own) and
 * a GreenMail SMTP server.
 * Writes target/benchmark/choreography.md.
 * <p>
 * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=dev.troupe.bench.ChoreographyBenchmark}
 * ({@code -Dbench.registrations}, {@code -Dbench.clients}, {@code -Dbench.mailer-concurrency},
 * {@code -Dbench.services}: with {@code users} alone, the API's own rate, mails not awaited;
 * {@code -Dbench.vhost})
 */
public final class ChoreographyBenchmark {

    private static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 2_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int MAILER_CONCURRENCY = Integer.getInteger("bench.mailer-concurrency", 4);
    private static final String SERVICES = System.getProperty("bench.services", "gateway,users,user-commands,mailer,coupons");
    private static final boolean MAILER = List.of(SERVICES.split(",")).contains("mailer");

    private static final String VHOST = System.getProperty("bench.vhost", "troupe_bench");

    private ChoreographyBenchmark() {
    }

    /**
     * The benchmark's events go to the real queues of the topology, which the tests and anyone else
     * on this broker also use: a virtual host of its own keeps them apart. AMQP cannot create one,
     * so this asks rabbitmqctl (present where RabbitMQ runs locally); else it must exist already.
     */
    private static void ensureVirtualHost() throws IOException, InterruptedException {
        for (List<String> command : List.of(List.of("rabbitmqctl", "add_vhost", VHOST),
            List.of("rabbitmqctl", "set_permissions", "-p", VHOST, "guest", ".*", ".*", ".*"))) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (IOException e) {
                System.err.println("rabbitmqctl not found: virtual host " + VHOST + " must exist (" + e.getMessage() + ")");
                return;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ensureVirtualHost();
        MailCatcher smtp = new MailCatcher(FreePort.any());
        smtp.start();
        List<String> report = new ArrayList<>();
        try (ConfigurableApplicationContext context = start(smtp.port())) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            report.add("# Choreography benchmark, " + LocalDate.now() + ", RabbitMQ + PostgreSQL + GreenMail, "
                + Runtime.getRuntime().availableProcessors() + " cores");
            report.add("");
            register(URI.create("http://127.0.0.1:" + port + "/users/"), 50, smtp); // warm-up, not reported
            report.addAll(register(URI.create("http://127.0.0.1:" + port + "/users/"), REGISTRATIONS, smtp));
        } finally {
            smtp.stop();
        }
        BenchReport.write("choreography", report);
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(int smtpPort) {
        String[] properties = {
            "--server.port=0",
            "--logging.level.root=WARN",
            "--spring.main.banner-mode=off",
            "--spring.rabbitmq.host=127.0.0.1",
            "--spring.rabbitmq.virtual-host=" + VHOST,
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=troupe_bench_flow",
            "--spring.datasource.username=postgres",
            "--spring.flyway.schemas=troupe_bench_flow",
            "--spring.flyway.default-schema=troupe_bench_flow",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort,
            "--troupe.mailer.concurrency=" + MAILER_CONCURRENCY,
            "--troupe.services=" + SERVICES,
            "--troupe.embedded.data-dir=./target/bench-data/" + UUID.randomUUID()};
        return new SpringApplicationBuilder(TroupeApplication.class).run(properties);
    }

    /** {@code count} registrations by {@link #CLIENTS} clients as fast as answered; then waits for every mail. */
    private static List<String> register(URI users, int count, MailCatcher smtp) throws Exception {
        int mailsBefore = smtp.count();
        long start = System.nanoTime();
        Registrations done = Registrations.post(users, count);
        double httpSeconds = (System.nanoTime() - start) / 1e9;
        if (MAILER) {
            awaitMails(smtp, mailsBefore + done.created.get());
        }
        double mailSeconds = (System.nanoTime() - start) / 1e9;
        int mails = smtp.count() - mailsBefore;
        int created = done.created.get();
        return List.of(
            String.format("## %,d registrations by %d HTTP clients, services %s, mailer concurrency %d", count,
                CLIENTS, SERVICES, MAILER_CONCURRENCY),
            "",
            String.format("- `POST /users/`: %,d created (%,d other answers) in %.2f s, **%,.0f registrations/s**;"
                    + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms", created, done.failed.get(), httpSeconds,
                created / httpSeconds, done.latency.getValueAtPercentile(50) / 1e3,
                done.latency.getValueAtPercentile(99) / 1e3, done.latency.getMaxValue() / 1e3),
            String.format("- welcome mails: %,d of %,d captured %.2f s after the first request, **%,.0f mails/s**"
                + " end to end%s", mails, created, mailSeconds, mails / mailSeconds,
                MAILER && mails < created ? " (INCOMPLETE: gave up waiting after 10 min)" : ""),
            "");
    }

    private static void awaitMails(MailCatcher smtp, int total) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (smtp.count() < total && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** The HTTP side of one run: answers counted, latencies recorded. */
    private static final class Registrations {

        private final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        private final AtomicInteger created = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger next = new AtomicInteger();
        private final String run = UUID.randomUUID().toString().substring(0, 8);
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        static Registrations post(URI users, int count) throws Exception {
            Registrations registrations = new Registrations();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    done.add(clients.submit(() -> registrations.postUntil(users, count)));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                clients.shutdown();
            }
            return registrations;
        }

        private Void postUntil(URI users, int count) throws Exception {
            for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                long sent = System.nanoTime();
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(users)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Bench " + n + "\",\"email\":\"bench-" + run + "-" + n + "@example.com\"}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
                latency.recordValue((System.nanoTime() - sent) / 1000);
                (response.statusCode() == 201 ? created : failed).incrementAndGet();
            }
            return null;
        }
    }

}
