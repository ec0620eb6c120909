package dev.troupe.scenario;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.troupe.harness.Load;
import dev.troupe.harness.SmtpSink;
import dev.troupe.harness.Waits;
import dev.troupe.messaging.Queues;
import dev.troupe.topology.Flow;
import dev.troupe.topology.Topology;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The outcome of a scenario, counted from what the system left behind: the users, coupons, parked
 * messages, outbox and gateway requests in the database, the queues on the broker, and the mails
 * the SMTP sink accepted; never from the services' own logs or metrics.
 */
final class Census {

    /** How long the figures must stay still, with nothing queued, to count as settled. */
    private static final Duration STILL = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    /**
     * The counts.
     *
     * @param accepted       registrations the gateway accepted (202)
     * @param told           of those, refused with the reason told to the client (the request's status: rejected)
     * @param persisted      accepted registrations whose user (address and name) is stored
     * @param withOneMail    stored users with exactly one welcome mail
     * @param lost           accepted registrations, not told of a refusal, without one of their effects: the
     *                       user stored, a welcome mail, an active coupon
     * @param duplicated     stored users with more than one mail
     * @param mailsToMissing addresses mailed when no user of theirs existed (none, or not yet)
     * @param couponsActive  coupons active
     * @param couponsRevoked coupons revoked
     * @param parked         messages parked (stored, or still in a parking queue)
     * @param queued         messages still waiting: in the consumers' queues, and in the outbox unpublished
     * @param settledSeconds how long the system took to settle after the scenario, or -1 if it did not
     *                       within two minutes
     */
    record Counts(long accepted, long told, long persisted, long withOneMail, long lost, long duplicated,
                  long mailsToMissing, long couponsActive, long couponsRevoked, long parked, long queued,
                  double settledSeconds) {

        /** Every invariant of the reliable flow, the expected number of parked messages apart. */
        boolean hold(long expectedParked) {
            return lost == 0 && duplicated == 0 && mailsToMissing == 0 && parked == expectedParked && queued == 0
                && settledSeconds >= 0;
        }
    }

    private final Stage stage;
    private final Flow flow;

    Census(Stage stage) {
        this.stage = stage;
        this.flow = Flow.valueOf(stage.flow.toUpperCase(Locale.ROOT));
    }

    /**
     * Waits until nothing is queued (broker and outbox) and the users and mails have stopped
     * changing for a few seconds, at most two minutes, then counts.
     */
    Counts settleAndCount() throws Exception {
        long begin = System.nanoTime();
        String last = "";
        long stillSince = System.nanoTime();
        double settled = -1;
        while (System.nanoTime() - begin < PATIENCE.toNanos()) {
            long queued = queued();
            String now = queued + "/" + count("SELECT count(*) FROM %s.users") + "/" + stage.sink.mails();
            if (!now.equals(last)) {
                last = now;
                stillSince = System.nanoTime();
            } else if (queued == 0 && System.nanoTime() - stillSince >= STILL.toNanos()) {
                settled = (stillSince - begin) / 1e9;
                break;
            }
            Waits.pause(Duration.ofMillis(500));
        }
        return count(settled);
    }

    private Counts count(double settled) throws Exception {
        Map<String, List<User>> users = users();
        Map<String, Boolean> coupons = coupons();
        Map<String, String> requests = requests();
        Map<String, SmtpSink.Arrival> mails = stage.sink.recipients();
        long accepted = 0;
        long told = 0;
        long persisted = 0;
        long lost = 0;
        for (Load.Registration registration : stage.registrations()) {
            if (!registration.accepted()) {
                continue;
            }
            accepted++;
            if ("rejected".equals(requests.get(registration.id))) {
                told++;
                continue;
            }
            User user = users.getOrDefault(registration.email, List.of()).stream()
                .filter(candidate -> candidate.name.equals(registration.name)).findFirst().orElse(null);
            if (user != null) {
                persisted++;
            }
            boolean mailed = mails.containsKey(registration.email);
            if (user == null || !mailed || !Boolean.TRUE.equals(coupons.get(user.id))) {
                lost++;
            }
        }
        long withOneMail = 0;
        long duplicated = 0;
        for (String email : users.keySet()) {
            SmtpSink.Arrival arrival = mails.get(email);
            int count = arrival == null ? 0 : arrival.count().get();
            withOneMail += count == 1 ? 1 : 0;
            duplicated += count > 1 ? 1 : 0;
        }
        long mailsToMissing = mails.entrySet().stream().filter(mail -> users.getOrDefault(mail.getKey(), List.of()).stream()
            .noneMatch(user -> !user.createdAt.isAfter(mail.getValue().firstAt()))).count();
        long active = coupons.values().stream().filter(Boolean::booleanValue).count();
        return new Counts(accepted, told, persisted, withOneMail, lost, duplicated, mailsToMissing, active,
            coupons.size() - active, count("SELECT count(*) FROM %s.parked_messages") + parkingDepths(), queued(), settled);
    }

    private record User(String id, String name, Instant createdAt) {
    }

    private Map<String, List<User>> users() throws SQLException {
        Map<String, List<User>> users = new HashMap<>();
        query("SELECT lower(email), name, id, created_at FROM %s.users", row -> users
            .computeIfAbsent(row.getString(1), email -> new ArrayList<>())
            .add(new User(row.getString(3), row.getString(2), row.getObject(4, java.time.OffsetDateTime.class).toInstant())));
        return users;
    }

    /** Each coupon's user, and whether it is active. */
    private Map<String, Boolean> coupons() throws SQLException {
        Map<String, Boolean> coupons = new HashMap<>();
        query("SELECT user_id, revoked_at IS NULL FROM %s.coupons", row -> coupons.put(row.getString(1), row.getBoolean(2)));
        return coupons;
    }

    private Map<String, String> requests() throws SQLException {
        Map<String, String> requests = new HashMap<>();
        query("SELECT id, status FROM %s.gateway_requests", row -> requests.put(row.getString(1), row.getString(2)));
        return requests;
    }

    /** Messages waiting: ready in the consumers' queues, and outbox rows not yet published (retries included). */
    private long queued() throws IOException, TimeoutException, SQLException {
        return depths(Topology.consumerQueues(flow)) + count("SELECT count(*) FROM %s.outbox WHERE published_at IS NULL");
    }

    private long parkingDepths() throws IOException, TimeoutException {
        return depths(Topology.consumerQueues(flow).stream().map(Queues::parkingQueueOf).toList());
    }

    /** Messages ready in the queues (a passive declare: RabbitMQ and the embedded broker alike). */
    private long depths(List<String> queues) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(stage.real.rabbitHost);
        factory.setVirtualHost(stage.real.virtualHost);
        long depth = 0;
        try (Connection connection = factory.newConnection("troupe-scenario-census")) {
            for (String queue : queues) {
                // a channel each: a passive declare of a queue not there closes its channel
                Channel channel = connection.createChannel();
                try {
                    depth += channel.queueDeclarePassive(queue).getMessageCount();
                    channel.close();
                } catch (IOException e) {
                    // not declared: nothing in it (and the broker has closed the channel)
                }
            }
        }
        return depth;
    }

    private long count(String sql) throws SQLException {
        long[] count = new long[1];
        query(sql, row -> count[0] = row.getLong(1));
        return count[0];
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Row each) throws SQLException {
        try (java.sql.Connection connection = stage.real.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql.formatted(stage.real.schema))) {
            while (rows.next()) {
                each.read(rows);
            }
        }
    }
}
