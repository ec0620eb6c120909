package dev.troupe.bench;

import dev.troupe.TroupeApplication;
import dev.troupe.topology.Topology;
import dev.troupe.outbox.Outbox;
import dev.troupe.outbox.internal.OutboxJanitor;
import dev.troupe.outbox.internal.OutboxRelay;
import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.api.RoutedEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the outbox relay: how many rows per second it publishes (with confirms awaited) from
 * a backlog, and the latency from a transaction's commit to a subscriber's delivery at fixed
 * rates. Runs against the real RabbitMQ and PostgreSQL (a schema of its own); the embedded ones
 * ({@code -Dbench.servers=embedded}) need a forked JVM, as Qpid reads its defaults through a
 * {@code classpath:} URL that Maven's exec:java class loader cannot resolve. Writes
 * target/benchmark/relay.md.
 * <p>
 * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=dev.troupe.bench.RelayBenchmark}
 */
public final class RelayBenchmark {

    /** What the benchmark publishes: an id and the key its order is kept by. */
    @Route(exchange = Topology.EXCHANGE, key = ROUTING_KEY)
    record BenchEvent(UUID eventId, String key) implements RoutedEvent {
        @Override
        public String orderingKey() {
            return key;
        }
    }

    private static final String ROUTING_KEY = "bench_event";
    private static final int BACKLOG = Integer.getInteger("bench.backlog", 50_000);
    private static final int WAITING_RETRIES = Integer.getInteger("bench.waiting-retries", 100_000);
    private static final int[] RATES = {200, 500, 1000, 2000};
    private static final Duration RATE_DURATION = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final OutboxJanitor janitor;
    private final TransactionTemplate transactions;
    private final List<String> report = new ArrayList<>();

    private RelayBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.outbox = context.getBean(Outbox.class);
        this.relay = context.getBean(OutboxRelay.class);
        this.janitor = context.getBean(OutboxJanitor.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    public static void main(String[] args) throws Exception {
        boolean embedded = "embedded".equals(System.getProperty("bench.servers"));
        try (ConfigurableApplicationContext context = start(embedded)) {
            RelayBenchmark bench = new RelayBenchmark(context);
            bench.report.add("# Outbox relay benchmark, " + LocalDate.now() + ", "
                + (embedded ? "embedded Qpid + H2" : "RabbitMQ + PostgreSQL") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
            bench.report.add("");
            bench.brokerCeiling();
            bench.backlogThroughput(0);
            bench.backlogThroughput(WAITING_RETRIES);
            bench.latencyAtFixedRates();
            BenchReport.write("relay", bench.report);
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(boolean embedded) {
        List<String> properties = new ArrayList<>(List.of(
            "troupe.services=users",
            "troupe.embedded.data-dir=./target/bench-data/" + UUID.randomUUID(),
            "logging.level.root=WARN",
            "logging.level.qpid=WARN",
            "spring.main.banner-mode=off",
            "troupe.outbox.batch-size=" + Integer.getInteger("bench.batch", 500),
            "troupe.outbox.relay-threads=" + Integer.getInteger("bench.relays", 1)));
        if (!embedded) {
            properties.addAll(List.of(
                "spring.rabbitmq.host=127.0.0.1",
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=troupe_bench",
                "spring.datasource.username=postgres",
                "spring.datasource.hikari.maximum-pool-size=12",
                "spring.flyway.schemas=troupe_bench",
                "spring.flyway.default-schema=troupe_bench"));
        }
        // as arguments, so they override application.properties as an operator's would
        return new SpringApplicationBuilder(TroupeApplication.class).web(WebApplicationType.NONE)
            .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    /**
     * The same publishing without the database: batches of persistent messages on one channel,
     * each batch's confirms awaited, to a subscriber in this JVM. The relay cannot beat this
     * ceiling on the same machine; it is measured in the same run because the machine is noisy.
     */
    private void brokerCeiling() {
        RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
        int batch = Integer.getInteger("bench.batch", 500);
        try (Subscriber subscriber = new Subscriber(context)) {
            long start = System.nanoTime();
            for (int sent = 0; sent < BACKLOG; sent += batch) {
                int size = Math.min(batch, BACKLOG - sent);
                rabbit.invoke(operations -> {
                    List<CorrelationData> confirms = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        MessageProperties properties = new MessageProperties();
                        properties.setMessageId(UUID.randomUUID().toString());
                        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                        CorrelationData correlation = new CorrelationData(properties.getMessageId());
                        operations.send(Topology.EXCHANGE, ROUTING_KEY, new Message(new byte[160], properties), correlation);
                        confirms.add(correlation);
                    }
                    confirms.forEach(correlation -> correlation.getFuture().join());
                    return null;
                });
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            subscriber.awaitReceived(BACKLOG, Duration.ofSeconds(120));
            report.add("## Ceiling: the broker alone, same publishing pattern, no database");
            report.add("");
            report.add(String.format("- %,d persistent messages, batches of %d, confirms awaited: %.2f s, **%,.0f msg/s**",
                BACKLOG, batch, seconds, BACKLOG / seconds));
            report.add("");
        }
    }

    /**
     * A backlog built while the relay is stopped, then drained: rows published per second. With
     * {@code waitingRetries}, that many redeliveries due only in an hour sit ahead of the backlog,
     * as after a long outage of a consumer.
     */
    private void backlogThroughput(int waitingRetries) throws Exception {
        relay.stop();
        // a run stopped half-way leaves rows behind: start from an empty table, so every run measures the same
        jdbc.sql("DELETE FROM outbox").update();
        addWaitingRetries(waitingRetries);
        try (Subscriber subscriber = new Subscriber(context)) {
            for (int i = 0; i < BACKLOG; i += 1000) {
                int chunk = Math.min(1000, BACKLOG - i);
                transactions.executeWithoutResult(status -> {
                    for (int j = 0; j < chunk; j++) {
                        outbox.publish(new BenchEvent(UUID.randomUUID(), "bench-" + UUID.randomUUID()), null);
                    }
                });
            }
            long start = System.nanoTime();
            relay.start();
            relay.wake();
            while (janitor.pending() > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            subscriber.awaitReceived(BACKLOG, Duration.ofSeconds(120));
            report.add("## Backlog of " + BACKLOG + " rows (a key each, as one event per user), batch "
                + context.getEnvironment().getProperty("troupe.outbox.batch-size") + ", relay threads "
                + context.getEnvironment().getProperty("troupe.outbox.relay-threads")
                + (waitingRetries > 0 ? String.format(", behind %,d retries due in an hour", waitingRetries) : ""));
            report.add("");
            report.add(String.format("- published and confirmed in %.2f s: **%,.0f rows/s**", seconds, BACKLOG / seconds));
            report.add(String.format("- delivered to a subscriber: %,d of %,d (%,d distinct); relay counted %,.0f",
                subscriber.received.get(), BACKLOG, subscriber.distinct.size(),
                context.getBean(io.micrometer.core.instrument.MeterRegistry.class).counter("troupe.messaging.outbox.published").count()));
            report.add("");
        }
        jdbc.sql("DELETE FROM outbox").update();
    }

    /** Redeliveries to a queue nobody reads, due in an hour: the relay must step past them, not over them. */
    private void addWaitingRetries(int count) {
        jdbc.sql("""
                INSERT INTO outbox (message_id, exchange, routing_key, body, created_at, available_at)
                SELECT 'retry-' || n, '', 'bench.nowhere', convert_to(repeat('x', 200), 'UTF8'), now(),
                       now() + interval '1 hour'
                FROM generate_series(1, :count) AS n""")
            .param("count", count).update();
        jdbc.sql("ANALYZE outbox").update();
    }

    /** Commit-to-delivery latency while transactions commit at a fixed rate. */
    private void latencyAtFixedRates() throws Exception {
        report.add("## Commit to delivery at fixed rates (" + RATE_DURATION.toSeconds() + " s each, 4 writer threads)");
        report.add("");
        report.add("| target rate | achieved | delivered | p50 | p99 | max |");
        report.add("|---|---|---|---|---|---|");
        for (int rate : RATES) {
            try (Subscriber subscriber = new Subscriber(context)) {
                int sent = produceAt(rate, subscriber);
                subscriber.awaitReceived(sent, Duration.ofSeconds(60));
                Histogram latency = subscriber.latency;
                report.add(String.format("| %,d/s | %,.0f/s | %,d/%,d | %.1f ms | %.1f ms | %.1f ms |", rate,
                    sent / (double) RATE_DURATION.toSeconds(), subscriber.received.get(), sent,
                    latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                    latency.getMaxValue() / 1e3));
            }
        }
        report.add("");
    }

    private int produceAt(int rate, Subscriber subscriber) throws InterruptedException {
        int threads = 4;
        long interval = TimeUnit.SECONDS.toNanos(1) * threads / rate;
        long end = System.nanoTime() + RATE_DURATION.toNanos();
        AtomicLong sent = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.submit(() -> {
                long next = System.nanoTime() + interval * thread / threads;
                while (next < end) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    String id = UUID.randomUUID().toString();
                    transactions.executeWithoutResult(status -> outbox.publish(
                        new BenchEvent(UUID.fromString(id), "bench-" + id.charAt(0)), null));
                    subscriber.committed(id);
                    sent.incrementAndGet();
                    next += interval;
                }
                done.countDown();
            });
        }
        done.await();
        writers.shutdown();
        return (int) sent.get();
    }


    /** A subscriber of its own queue: counts deliveries and records each one's latency from its commit. */
    private static final class Subscriber implements AutoCloseable {

        private final AmqpAdmin admin;
        // auto-delete: gone with its consumer, even if the run is killed, so it never holds messages of later runs
        private final Queue queue = new Queue("bench." + UUID.randomUUID(), false, false, true);
        private final SimpleMessageListenerContainer container;
        private final Map<String, Long> commits = new ConcurrentHashMap<>();
        private final Map<String, Long> early = new ConcurrentHashMap<>();
        private final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        private final AtomicLong received = new AtomicLong();
        private final Set<String> distinct = ConcurrentHashMap.newKeySet();

        Subscriber(ConfigurableApplicationContext context) {
            admin = context.getBean(AmqpAdmin.class);
            admin.declareQueue(queue);
            admin.declareBinding(BindingBuilder.bind(queue).to(new DirectExchange(Topology.EXCHANGE)).with(ROUTING_KEY));
            container = new SimpleMessageListenerContainer(context.getBean(ConnectionFactory.class));
            container.setQueueNames(queue.getName());
            container.setAcknowledgeMode(AcknowledgeMode.AUTO);
            container.setPrefetchCount(250);
            container.setMessageListener(message -> delivered(message.getMessageProperties().getMessageId()));
            container.start();
        }

        void committed(String id) {
            long now = System.nanoTime();
            Long deliveredAt = early.remove(id);
            if (deliveredAt != null) {
                latency.recordValue(0);
            } else {
                commits.put(id, now);
            }
        }

        private void delivered(String id) {
            long now = System.nanoTime();
            received.incrementAndGet();
            distinct.add(id);
            Long committedAt = commits.remove(id);
            if (committedAt != null) {
                latency.recordValue(Math.max(0, (now - committedAt) / 1000));
            } else {
                early.put(id, now); // delivered before the writer noted its commit: latency ~0
            }
        }

        void awaitReceived(long count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.get() < count && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }

        @Override
        public void close() {
            container.stop();
            admin.deleteQueue(queue.getName());
        }
    }
}
