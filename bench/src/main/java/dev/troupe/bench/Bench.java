package dev.troupe.bench;

import dev.troupe.harness.Load;
import dev.troupe.harness.RealServers;
import dev.troupe.harness.ServiceProcess;
import dev.troupe.harness.SmtpSink;
import dev.troupe.harness.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The end-to-end benchmark, in a process of its own: starts Troupe's jar, mails to its own sink,
 * measures the machine's limits, offers registrations open loop at rising rates until one is not
 * sustained, runs a closed loop, checks every registration, and reports (Markdown, JSON, plots).
 * {@code java -jar bench/target/troupe-bench.jar --help} says how to run it.
 */
public final class Bench {

    private static final Pattern STATISTIC = Pattern.compile("\"statistic\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.eE+-]+)");
    private static final List<String> CONSUMERS = List.of("coupons", "mailer.user-created", "gateway.requests",
        "user-commands");
    private static final long HOUR_MICROS = 3_600_000_000L;
    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Load.Step> steps = new ArrayList<>();
    /** The counted steps' CPU profiles; set once Troupe runs. */
    private Profiles profiles;
    /** The real servers of the run; null on the embedded defaults. */
    private RealServers real;

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("troupe-bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            boolean clean = new Bench(options).run();
            System.exit(clean ? 0 : 1);
        } catch (Exception e) {
            System.err.println("troupe-bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private boolean run() throws Exception {
        Path work = Files.createDirectories(options.out().resolve("run-" + run));
        say("Troupe benchmark, run " + run + ": " + options);
        real = options.real() ? new RealServers("bench", run) : null;
        try (SmtpSink sink = new SmtpSink()) {
            Limits.Measured limits = null;
            if (real != null) {
                limits = limits(real, "amqp://guest:guest@" + real.rabbitHost + ":" + real.rabbitPort + "/" + real.virtualHost, work);
            }
            say("starting Troupe (" + (options.separate() ? "one process per service" : "one process") + ") ...");
            try (ServiceUnderTest troupe = ServiceUnderTest.start(options, real, sink.port(), work)) {
                say("  healthy after " + troupe.startup().toMillis() + " ms");
                profiles = new Profiles(troupe.nodes(), work, options.profile());
                if (real == null) {
                    limits = limits(null, "amqp://guest:guest@127.0.0.1:" + troupe.embeddedBrokerPort(), work);
                }
                Load load = new Load(http, troupe.serving("users").base(), Load.Target.USERS, run);
                ConsolePage page = options.console() ? ConsolePage.open(http, troupe.serving("console").base()) : null;
                List<StepResult> results;
                RelayAlone.Measured relay;
                Idle idle;
                try {
                    warmUp(load, troupe, sink);
                    idle = idle(troupe);
                    relay = relayAlone(limits);
                    results = drive(load, troupe, sink);
                } finally {
                    if (page != null) {
                        say("  the console page read " + page.events() + " events of its live feed");
                        page.close();
                    }
                }
                say("checking every registration: one welcome mail, one active coupon ...");
                Verdict verdict = verify(troupe, sink);
                Report report = new Report(LocalDate.now(), options, troupe.startup(), limits, relay, results, verdict, idle);
                report.write(work);
                Path latest = options.out();
                report.write(latest);
                copyFlameGraphs(results, work, latest);
                System.out.println();
                System.out.println(report.summary());
                say("reports: " + latest.resolve("benchmark.md") + ", benchmark.json, latency.png, throughput.png, cpu-by-library.png, profile-*.html"
                    + " (this run's copy and the services' logs in " + work + ")");
                return verdict.clean();
            }
        } finally {
            if (real != null) {
                real.close();
            }
        }
    }

    private Limits.Measured limits(RealServers real, String brokerUri, Path work) {
        if (options.limits().isZero()) {
            return new Limits.Measured(Double.NaN, "not measured (--limits=0s)", Double.NaN, "not measured (--limits=0s)");
        }
        say("measuring the machine's limits (" + options.limits().toSeconds() + " s each) ...");
        double broker = Double.NaN;
        String brokerNote;
        try {
            broker = Limits.perfTest(brokerUri, options.limits());
            brokerNote = "PerfTest 2.22.1, persistent, confirms (100 in flight), 1 producer, 1 consumer, 256 B"
                + (real == null ? ", against the embedded broker" : "");
        } catch (RuntimeException e) {
            brokerNote = "PerfTest failed: " + e.getMessage();
        }
        say("  broker: " + (Double.isNaN(broker) ? brokerNote : Math.round(broker) + " msg/s"));
        double tps = Double.NaN;
        String databaseNote;
        if (real == null) {
            databaseNote = "not measured: pgbench needs PostgreSQL (--servers=real)";
        } else {
            try {
                tps = Limits.pgbench(real, options.limits(), work);
                databaseNote = "pgbench, 4 clients, one users row + one outbox row per transaction";
            } catch (IOException | RuntimeException e) {
                databaseNote = "pgbench failed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            say("  database: " + (Double.isNaN(tps) ? databaseNote : Math.round(tps) + " user + outbox TPS"));
        }
        return new Limits.Measured(broker, brokerNote, tps, databaseNote);
    }

    /**
     * The relay alone, after the warm-up and before the counted steps, so nothing else runs beside it: the service's relay
     * drains a backlog the benchmark commits into its outbox. Needs the database from outside the
     * service, so the real servers; a failure is reported, not fatal, as the limits' are.
     */
    private RelayAlone.Measured relayAlone(Limits.Measured limits) throws InterruptedException {
        if (real == null) {
            return RelayAlone.Measured.not("not measured: the embedded database is inside the service (--servers=real)");
        }
        if (options.relayRows() == 0) {
            return RelayAlone.Measured.not("not measured (--relay-rows=0)");
        }
        say("the relay alone: " + String.format("%,d", options.relayRows()) + " outbox rows committed at once ...");
        try {
            RelayAlone.Measured relay = RelayAlone.run(real, options.relayRows());
            say(String.format("  %,.0f rows/s published and confirmed%s", relay.rowsPerSecond(),
                Double.isNaN(limits.brokerMsgPerSecond()) ? ""
                    : String.format(", %.2f of PerfTest", relay.rowsPerSecond() / limits.brokerMsgPerSecond())));
            return relay;
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            say("  the relay alone failed: " + e.getMessage());
            return RelayAlone.Measured.not("failed: " + e.getMessage());
        }
    }

    /**
     * Troupe with nothing to do, for as long as {@code --idle} says: the warm-up has drained, so what
     * it spends now is what it spends waiting (polling loops, timers, feeds).
     */
    private Idle idle(ServiceUnderTest troupe) throws InterruptedException {
        if (options.idle().isZero()) {
            return Idle.notMeasured();
        }
        say("idle: " + options.idle().toSeconds() + " s with no load ...");
        double allBefore = troupe.cpuSeconds();
        Map<String, Double> before = troupe.cpuSecondsByThread();
        long start = System.nanoTime();
        // the window is the measurement itself: nothing is awaited, the time passing is what is measured
        Thread.sleep(options.idle().toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        Idle idle = Idle.of(options.idle(), seconds, allBefore, troupe.cpuSeconds(), before, troupe.cpuSecondsByThread());
        say("  " + idle.line().substring(2).replace("**", ""));
        return idle;
    }

    /** The lowest rate for a while, not counted: the JIT compiles the hot path (the relay's too) before anything is. */
    private void warmUp(Load load, ServiceUnderTest troupe, SmtpSink sink) {
        int lowest = options.rates().get(0);
        say("warm-up: " + lowest + "/s for " + options.warmup().toSeconds() + " s (not counted)");
        Load.Step warmup = measured(troupe, new Sampled("warm-up " + lowest + "/s", options.warmup()),
            () -> load.open("w", lowest, options.warmup()));
        drain(warmup, sink);
        if (real == null) {
            deliverySince(troupe); // the warm-up's deliveries are not counted in the timers' figures
        }
    }

    private List<StepResult> drive(Load load, ServiceUnderTest troupe, SmtpSink sink) throws InterruptedException {
        List<StepResult> results = new ArrayList<>();
        for (int rate : options.rates()) {
            say("open loop: " + rate + "/s for " + options.step().toSeconds() + " s");
            Sampled sampled = new Sampled(rate + "/s", options.step(), Integer.toString(rate));
            Load.Step step = measured(troupe, sampled, () -> load.open(rate + "", rate, options.step()));
            drain(step, sink);
            StepResult result = result(step, troupe, sink, sampled);
            results.add(result);
            say("  " + line(result));
            if (!result.sustained()) {
                say("  not sustained: stepping stops here");
                break;
            }
        }
        if (options.connections() > 0) {
            say("closed loop: " + options.connections() + " clients for " + options.closed().toSeconds() + " s");
            Sampled sampled = new Sampled("closed loop", options.closed(), "closed");
            Load.Step step = measured(troupe, sampled, () -> {
                try {
                    return load.closed("closed", options.connections(), options.closed());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            drain(step, sink);
            StepResult result = result(step, troupe, sink, sampled);
            results.add(result);
            say("  " + line(result));
        }
        return results;
    }

    /** What is sampled while a step runs: CPU at its start and end, memory and outbox age at their most. */
    private static final class Sampled {
        final String what;
        final Duration planned;
        /** The step's name in its profile's files; null for a step not profiled (the warm-up). */
        final String profiled;
        volatile Profiles.Profile profile = Profiles.Profile.none("not profiled");
        volatile double cpuBefore;
        volatile double cpuAfter;
        volatile java.util.Map<String, Double> threadsBefore = java.util.Map.of();
        volatile java.util.Map<String, Double> threadsAfter = java.util.Map.of();
        volatile double peakMib;
        volatile double outboxAge;
        volatile Instant began;
        volatile Instant ended;

        Sampled(String what, Duration planned) {
            this(what, planned, null);
        }

        Sampled(String what, Duration planned, String profiled) {
            this.what = what;
            this.planned = planned;
            this.profiled = profiled;
        }
    }

    /** Runs the load with a sampler beside it that shows progress every second. */
    private Load.Step measured(ServiceUnderTest troupe, Sampled sampled, java.util.function.Supplier<Load.Step> load) {
        sampled.cpuBefore = troupe.cpuSeconds();
        sampled.threadsBefore = troupe.cpuSecondsByThread();
        if (sampled.profiled != null) {
            profiles.start();
        }
        sampled.began = Instant.now();
        long begin = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampled.peakMib = Math.max(sampled.peakMib, troupe.residentMib());
                double age = metric(troupe.serving("users"), "troupe.messaging.outbox.oldest.age", "");
                if (!Double.isNaN(age)) {
                    sampled.outboxAge = Math.max(sampled.outboxAge, age);
                }
                progress(sampled, begin);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Load.Step step = load.get();
        Load.awaitAnswers(step);
        sampler.interrupt();
        sampled.ended = Instant.now();
        sampled.cpuAfter = troupe.cpuSeconds();
        sampled.threadsAfter = troupe.cpuSecondsByThread();
        if (sampled.profiled != null) {
            sampled.profile = profiles.stop(sampled.profiled);
        }
        steps.add(step);
        return step;
    }

    private void progress(Sampled sampled, long begin) {
        long elapsed = (System.nanoTime() - begin) / 1_000_000_000L;
        long left = Math.max(0, sampled.planned.toSeconds() - elapsed);
        String line = String.format("    %s: %3d s elapsed, %s, %.0f MiB resident, oldest outbox row %.1f s", sampled.what,
            elapsed, left > 0 ? left + " s to go" : "waiting for the last answers", sampled.peakMib, sampled.outboxAge);
        if (System.console() != null) {
            System.out.print("\r" + line);
            System.out.flush();
        } else if (elapsed % 5 == 0) {
            System.out.println(line);
        }
    }

    /** Waits for the step's mails, for its figures: at most a minute, and not once none has come for 15 s. */
    private static void drain(Load.Step step, SmtpSink sink) {
        awaitMails(step.registrations, sink, Duration.ofSeconds(15), DRAIN, false);
    }

    /**
     * Waits until every accepted registration of {@code registrations} has its mail, or none has
     * come for {@code quiet}, or {@code patience} has passed; says how many are still awaited if asked.
     */
    private static void awaitMails(List<Load.Registration> registrations, SmtpSink sink, Duration quiet,
                                   Duration patience, boolean tell) {
        long deadline = System.nanoTime() + patience.toNanos();
        long missing = Long.MAX_VALUE;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < quiet.toNanos()) {
            long now = registrations.stream().filter(r -> r.accepted() && sink.arrival(r.email) == null).count();
            if (now == 0) {
                return;
            }
            if (now < missing) {
                missing = now;
                lastProgress = System.nanoTime();
                if (tell) {
                    say("  " + now + " welcome mails still on their way ...");
                }
            }
            Waits.pause(Duration.ofMillis(tell ? 1000 : 100));
        }
    }

    private StepResult result(Load.Step step, ServiceUnderTest troupe, SmtpSink sink, Sampled sampled) {
        Histogram post = latencies();
        Histogram toMail = latencies();
        long accepted = 0;
        long mailedInWindow = 0;
        long window = step.endNanos + 1_000_000_000L;
        for (Load.Registration registration : step.registrations) {
            if (registration.answeredNanos > 0) {
                record(post, (registration.answeredNanos - registration.dueNanos) / 1000);
            }
            if (!registration.accepted()) {
                continue;
            }
            accepted++;
            SmtpSink.Arrival arrival = sink.arrival(registration.email);
            if (arrival != null) {
                record(toMail, (arrival.firstNanos() - registration.dueNanos) / 1000);
                if (arrival.firstNanos() <= window) {
                    mailedInWindow++;
                }
            }
        }
        double seconds = step.seconds();
        long planned = step.registrations.size();
        double acceptedRate = accepted / seconds;
        double endToEnd = mailedInWindow / seconds;
        // open loop: what was offered came through; closed loop: the mails kept up with what was accepted
        boolean sustained = step.rate == 0 ? accepted > 0 && mailedInWindow >= 0.95 * accepted
            : accepted >= 0.99 * planned && mailedInWindow >= 0.95 * planned;
        // percentiles where the databases are at hand; the timers' mean and max on the embedded defaults
        Map<String, Map<String, Double>> delivery = real == null ? deliverySince(troupe)
            : accepted == 0 ? Map.of() : DeliveryLag.of(real, sampled.began, sampled.ended);
        double cpuMs = accepted == 0 ? Double.NaN : (sampled.cpuAfter - sampled.cpuBefore) * 1000 / accepted;
        return new StepResult(step.label, step.rate, planned, accepted, acceptedRate, endToEnd, sustained,
            percentiles(post), percentiles(toMail), delivery, sampled.outboxAge, cpuMs, sampled.peakMib,
            Stages.perRegistration(sampled.threadsBefore, sampled.threadsAfter, accepted),
            Libraries.share(sampled.profile.samples(), cpuMs),
            sampled.profile.flameGraphs().stream().map(graph -> graph.getFileName().toString()).toList(),
            sampled.profile.note());
    }

    /** The steps' flame graphs beside the latest report too, where its links point. */
    private static void copyFlameGraphs(List<StepResult> results, Path work, Path latest) throws IOException {
        for (StepResult result : results) {
            for (String graph : result.flameGraphs()) {
                Files.copy(work.resolve(graph), latest.resolve(graph), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** A histogram of latencies in microseconds, up to an hour, three significant digits. */
    static Histogram latencies() {
        return new Histogram(HOUR_MICROS, 3);
    }

    /** Records a latency in microseconds, clamped to what the histogram holds. */
    static void record(Histogram micros, long latency) {
        micros.recordValue(Math.max(1, Math.min(HOUR_MICROS, latency)));
    }

    static Map<String, Double> percentiles(Histogram micros) {
        Map<String, Double> percentiles = new LinkedHashMap<>();
        if (micros.getTotalCount() == 0) {
            return percentiles;
        }
        for (double p : new double[] {50, 95, 99, 99.9}) {
            percentiles.put("p" + (p == 99.9 ? "99.9" : Integer.toString((int) p)), micros.getValueAtPercentile(p) / 1000.0);
        }
        percentiles.put("max", micros.getMaxValue() / 1000.0);
        return percentiles;
    }

    /** Each consumer's timer at the last reading: count and total seconds. */
    private final Map<String, double[]> lastDelivery = new LinkedHashMap<>();

    /**
     * Commit → handler per consumer since the last call: the mean from the timer's count and total
     * (exact), the max from its own window (the step). The timer's percentile gauges are not used:
     * read through the actuator, their values did not follow the load (measured, to be looked into).
     */
    private Map<String, Map<String, Double>> deliverySince(ServiceUnderTest troupe) {
        Map<String, Map<String, Double>> delivery = new LinkedHashMap<>();
        for (String consumer : CONSUMERS) {
            for (ServiceProcess node : troupe.nodes()) {
                Map<String, Double> timer = statistics(node, "troupe.messaging.delivery.lag", "&tag=consumer:" + consumer);
                if (!timer.containsKey("COUNT")) {
                    continue;
                }
                double[] before = lastDelivery.getOrDefault(consumer, new double[2]);
                double count = timer.get("COUNT") - before[0];
                double total = timer.getOrDefault("TOTAL_TIME", 0.0) - before[1];
                lastDelivery.put(consumer, new double[] {timer.get("COUNT"), timer.getOrDefault("TOTAL_TIME", 0.0)});
                // a consumer that had nothing in the step (user-commands, when registrations come over HTTP)
                if (count > 0) {
                    Map<String, Double> figures = new LinkedHashMap<>();
                    figures.put("mean", total * 1000 / count);
                    figures.put("max", timer.getOrDefault("MAX", Double.NaN) * 1000);
                    delivery.put(consumer, figures);
                }
                break;
            }
        }
        return delivery;
    }

    /** An actuator metric's measurements by statistic; empty if the process has no such meter. */
    private Map<String, Double> statistics(ServiceProcess node, String name, String tags) {
        Map<String, Double> statistics = new LinkedHashMap<>();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/actuator/metrics/"
                + name + (tags.isEmpty() ? "" : "?" + tags.substring(1)))).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                Matcher measurement = STATISTIC.matcher(response.body());
                while (measurement.find()) {
                    statistics.put(measurement.group(1), Double.parseDouble(measurement.group(2)));
                }
            }
        } catch (IOException e) {
            return statistics;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return statistics;
    }

    /** One value of an actuator metric (a gauge's), NaN if the process has no such meter. */
    private double metric(ServiceProcess node, String name, String tags) {
        return statistics(node, name, tags).getOrDefault("VALUE", Double.NaN);
    }

    /**
     * Every accepted registration of the run: one mail, one active coupon. A mail still on its way
     * is not lost: the check waits until every mail has come, or none has for 30 s.
     */
    private Verdict verify(ServiceUnderTest troupe, SmtpSink sink) throws InterruptedException {
        List<Load.Registration> accepted = steps.stream().flatMap(step -> step.registrations.stream())
            .filter(Load.Registration::accepted).toList();
        awaitMails(accepted, sink, Duration.ofSeconds(30), Duration.ofDays(1), true);
        long mailed = 0;
        long twice = 0;
        for (Load.Registration registration : accepted) {
            SmtpSink.Arrival arrival = sink.arrival(registration.email);
            if (arrival != null) {
                mailed++;
                if (arrival.count().get() > 1) {
                    twice++;
                }
            }
        }
        AtomicLong active = new AtomicLong();
        Semaphore inFlight = new Semaphore(32);
        String coupons = troupe.serving("coupons").base() + "/coupons?user_id=";
        List<java.util.concurrent.CompletableFuture<?>> checks = new ArrayList<>();
        for (Load.Registration registration : accepted) {
            inFlight.acquire();
            checks.add(http.sendAsync(HttpRequest.newBuilder(URI.create(coupons + registration.id))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> {
                    inFlight.release();
                    if (response != null && response.statusCode() == 200 && response.body().contains("\"active\"")) {
                        active.incrementAndGet();
                    }
                }));
        }
        checks.forEach(check -> check.exceptionally(failure -> null).join());
        return new Verdict(accepted.size(), mailed, accepted.size() - mailed, twice, active.get(),
            accepted.size() - active.get());
    }

    private static String line(StepResult result) {
        return String.format("accepted %.0f/s, end to end %.0f/s%s; POST p99 %s ms; POST→mail p50 %s / p99 %s ms",
            result.accepted(), result.endToEnd(), result.sustained() ? "" : " (not sustained)",
            Report.ms(result.post().get("p99")), Report.ms(result.postToMail().get("p50")),
            Report.ms(result.postToMail().get("p99")));
    }

    private static void say(String line) {
        if (System.console() != null) {
            System.out.print("\r");
        }
        System.out.println(line);
    }
}
