package dev.troupe.bench;

import dev.troupe.harness.RealServers;
import dev.troupe.harness.Waits;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay alone, inside the benchmark's run so that its ratio to PerfTest comes from the same
 * minutes: a backlog of rows committed at once into the running service's outbox, addressed to a
 * queue of the benchmark's own with one consumer, as PerfTest's. The service's relay publishes
 * them as it publishes events (persistent, mandatory, each confirm awaited before a row is marked
 * published). The rate is rows over the time from the commit to the last row's {@code published_at};
 * every row must also reach the queue.
 */
final class RelayAlone {

    /**
     * What the step measured.
     *
     * @param rows          rows committed
     * @param rowsPerSecond rows published (confirmed) a second, NaN where not measured
     * @param delivered     messages the benchmark's consumer received
     * @param note          how it was measured, or why not
     */
    record Measured(int rows, double rowsPerSecond, long delivered, String note) {

        static Measured not(String why) {
            return new Measured(0, Double.NaN, 0, why);
        }
    }

    private static final String QUEUE = "troupe-bench-relay";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private RelayAlone() {
    }

    static Measured run(RealServers real, int rows) throws IOException, TimeoutException, InterruptedException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(real.rabbitHost);
        factory.setPort(real.rabbitPort);
        factory.setVirtualHost(real.virtualHost);
        try (Connection connection = factory.newConnection("troupe-bench-relay"); Channel channel = connection.createChannel()) {
            channel.queueDeclare(QUEUE, false, false, true, null);
            channel.basicQos(250);
            AtomicLong delivered = new AtomicLong();
            // acknowledged every 100 deliveries, as PerfTest's consumer is asked to (--multi-ack-every 100)
            channel.basicConsume(QUEUE, false, (tag, delivery) -> {
                long count = delivered.incrementAndGet();
                if (count % 100 == 0 || count == rows) {
                    channel.basicAck(delivery.getEnvelope().getDeliveryTag(), true);
                }
            }, tag -> { });
            Instant committed = commitBacklog(real, rows);
            Instant last = awaitPublished(real, rows, committed);
            awaitDelivered(delivered, rows);
            double seconds = Duration.between(committed, last).toNanos() / 1e9;
            return new Measured(rows, rows / seconds, delivered.get(), String.format(
                "%,d rows committed at once (a key each), published by the service's relay to a queue with one consumer,"
                    + " each confirm awaited; %,d received", rows, delivered.get()));
        }
    }

    /** The backlog in one statement and one transaction; the outbox trigger wakes the relay at its commit. */
    private static Instant commitBacklog(RealServers real, int rows) {
        try (java.sql.Connection connection = real.connect();
             PreparedStatement insert = connection.prepareStatement("""
                 INSERT INTO %s.outbox (message_id, exchange, routing_key, type, ordering_key, content_type, body,
                                        created_at, available_at)
                 SELECT 'relay-' || n, '', ?, 'bench_relay', 'relay-' || n, 'application/octet-stream',
                        convert_to(repeat('x', 256), 'UTF8'), now(), now()
                 FROM generate_series(1, ?) AS n""".formatted(real.schema))) {
            insert.setString(1, QUEUE);
            insert.setInt(2, rows);
            insert.executeUpdate();
            return Instant.now();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the relay's backlog into " + real.schema + ".outbox: " + e.getMessage(), e);
        }
    }

    /** When the last of the backlog was marked published; polls its count (the partial index keeps that cheap). */
    private static Instant awaitPublished(RealServers real, int rows, Instant committed) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (java.sql.Connection connection = real.connect();
             PreparedStatement pending = connection.prepareStatement("SELECT count(*) FROM %s.outbox"
                 .formatted(real.schema) + " WHERE published_at IS NULL AND message_id LIKE 'relay-%'");
             PreparedStatement last = connection.prepareStatement("SELECT max(published_at) FROM %s.outbox"
                 .formatted(real.schema) + " WHERE message_id LIKE 'relay-%'")) {
            long left = rows;
            while (left > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(left + " of the relay's " + rows + " rows still unpublished "
                        + PATIENCE.toMinutes() + " min after " + committed);
                }
                Waits.pause(Duration.ofMillis(50));
                try (ResultSet count = pending.executeQuery()) {
                    count.next();
                    left = count.getLong(1);
                }
            }
            try (ResultSet at = last.executeQuery()) {
                at.next();
                return at.getObject(1, OffsetDateTime.class).toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + real.schema + ".outbox: " + e.getMessage(), e);
        }
    }

    private static void awaitDelivered(AtomicLong delivered, int rows) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (delivered.get() < rows && System.nanoTime() < deadline) {
            Waits.pause(Duration.ofMillis(50));
        }
        if (delivered.get() < rows) {
            throw new IllegalStateException("the relay confirmed " + rows + " rows but the queue delivered "
                + delivered.get());
        }
    }
}
