package dev.troupe.bench;

import dev.troupe.harness.RealServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Commit → handler per consumer, counted from the databases on the real servers: each inbox row
 * ({@code processed_at}, written by the handler) against the outbox row of the same message id
 * ({@code created_at}, written in the producer's transaction), both stamped by the services' clock.
 * It takes every message rather than a window of the service's timer, whose percentile gauges were
 * not to be trusted (docs/benchmarks.md); the wait in the consumer's queue is included.
 */
final class DeliveryLag {

    private static final String QUERY = """
        SELECT i.consumer, EXTRACT(EPOCH FROM (i.processed_at - o.created_at)) * 1000000 AS micros
        FROM %1$s.troupe_inbox i JOIN %1$s.outbox o ON o.message_id = i.message_id
        WHERE o.created_at >= ? AND o.created_at < ?""";

    private DeliveryLag() {
    }

    /**
     * Percentiles (p50, p95, p99, p99.9, max, in ms) per consumer of the messages committed between
     * {@code from} and {@code to}; a consumer that handled none is left out. None at all is an
     * error: the step's registrations were accepted, so the join must have found their messages.
     */
    static Map<String, Map<String, Double>> of(RealServers real, Instant from, Instant to) {
        Map<String, Histogram> lags = new TreeMap<>();
        try (Connection connection = real.connect();
             PreparedStatement query = connection.prepareStatement(QUERY.formatted(real.schema))) {
            query.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            query.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Bench.record(lags.computeIfAbsent(rows.getString(1), consumer -> Bench.latencies()), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the inbox and outbox in " + real.schema + ": " + e.getMessage(), e);
        }
        if (lags.isEmpty()) {
            throw new IllegalStateException("no inbox row in " + real.schema + " matched an outbox row committed between "
                + from + " and " + to + ": the delivery lag cannot be measured");
        }
        Map<String, Map<String, Double>> delivery = new LinkedHashMap<>();
        lags.forEach((consumer, micros) -> delivery.put(consumer, Bench.percentiles(micros)));
        return delivery;
    }
}
