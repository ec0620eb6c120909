package dev.troupe.scenario;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.troupe.harness.Load;
import dev.troupe.harness.SmtpSink;
import dev.troupe.harness.Waits;
import dev.troupe.messaging.Queues;
import dev.troupe.topology.Flow;
import dev.troupe.topology.Topology;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
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
     * @param persisted      accepted registrations whose user (address and name) is stored, deleted ones apart
     * @param deleted        accepted registrations whose user's deletion the gateway accepted (or was asked for
     *                       with no answer, and the user is gone)
     * @param withOneMail    stored users with exactly one welcome mail
     * @param lost           accepted registrations, not told of a refusal, without one of their effects: the
     *                       user stored, a welcome mail, an active coupon; or, once deleted, still stored or
     *                       with an active coupon
     * @param duplicated     addresses with more than one mail of its own (distinct Message-IDs): a second welcome
     * @param resent         addresses that got the same mail (one Message-ID) more than once: sent again after a
     *                       crash between the SMTP server's answer and the mailer's commit, which a receiving
     *                       system can recognise; not a second welcome
     * @param mailsToMissing addresses mailed when no user of theirs existed (none, or not yet)
     * @param deletedMailed  deleted users that got their welcome mail all the same (allowed: the mail may have
     *                       gone before the deletion; counted to compare the flows)
     * @param couponsActive  coupons active
     * @param couponsRevoked coupons revoked
     * @param parked         messages parked (stored, or still in a parking queue)
     * @param queued         messages still waiting: in the consumers' queues, and in the outbox unpublished
     * @param settledSeconds how long the system took to settle after the scenario, or -1 if it did not
     *                       within two minutes
     */
    record Counts(long accepted, long told, long persisted, long deleted, long withOneMail, long lost, long duplicated,
                  long resent, long mailsToMissing, long deletedMailed, long couponsActive, long couponsRevoked, long parked, long queued,
                  double settledSeconds) {

        /**
         * Every invariant of the reliable flow: something accepted, nothing lost, doubled or mailed to a
         * user not stored, nothing left queued, settled; and as many refusals told and messages parked as
         * the scenario makes.
         */
        boolean hold(long expectedTold, long expectedParked) {
            return accepted > 0 && told == expectedTold && lost == 0 && duplicated == 0 && mailsToMissing == 0
                && parked == expectedParked && queued == 0 && settledSeconds >= 0;
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
            long queued = queuedOrUnknown();
            String now = queued + "/" + stage.sink.mails() + "/" + effects();
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

    /** What is queued, or -1 while the broker cannot say (a look that settles nothing). */
    private long queuedOrUnknown() throws SQLException, TimeoutException {
        try {
            return queued();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Every effect's count, in one query: nothing is settled while any of them still moves. */
    private String effects() throws SQLException {
        StringBuilder effects = new StringBuilder();
        query("""
            SELECT (SELECT count(*) FROM %1$s.users), (SELECT count(*) FROM %1$s.coupons),
                   (SELECT count(*) FROM %1$s.coupons WHERE revoked_at IS NOT NULL),
                   (SELECT count(*) FROM %1$s.gateway_requests WHERE status = 'pending'),
                   (SELECT count(*) FROM %1$s.parked_messages)""", row -> {
            for (int column = 1; column <= 5; column++) {
                effects.append(row.getLong(column)).append('/');
            }
        });
        return effects.toString();
    }

    private Counts count(double settled) throws Exception {
        Map<String, List<User>> users = users();
        Map<String, Boolean> coupons = coupons();
        Map<String, String> requests = requests();
        Map<String, SmtpSink.Arrival> mails = stage.sink.recipients();
        Map<String, Stage.Deletion> deleted = stage.deleted();
        Map<String, Stage.Deletion> uncertain = stage.uncertain();
        Offenders offenders = new Offenders();
        long accepted = 0;
        long told = 0;
        long persisted = 0;
        long deletedCount = 0;
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
            Stage.Deletion deletion = deleted.get(registration.email);
            if (deletion == null && user == null) {
                deletion = uncertain.get(registration.email); // asked, no answer: gone is right too
            }
            if (deletion != null) {
                // its deletion was accepted (or may have been): the user gone, its coupon revoked
                deletedCount++;
                if (user != null) {
                    offenders.lost(registration.email, "still stored after its deletion was accepted");
                } else if (Boolean.TRUE.equals(coupons.get(deletion.id()))) {
                    offenders.lost(registration.email, "coupon still active after its deletion was accepted");
                }
                continue;
            }
            if (user != null) {
                persisted++;
            }
            if (user == null) {
                offenders.lost(registration.email, "no user stored");
            } else if (!mails.containsKey(registration.email)) {
                offenders.lost(registration.email, "no welcome mail");
            } else if (!Boolean.TRUE.equals(coupons.get(user.id))) {
                offenders.lost(registration.email, "no active coupon");
            }
        }
        long withOneMail = users.keySet().stream().filter(email -> mails.containsKey(email)
            && mails.get(email).distinct() == 1).count();
        long[] resent = new long[1];
        mails.forEach((email, arrival) -> {
            if (arrival.distinct() > 1) {
                offenders.duplicated(email, arrival.distinct() + " different mails");
            }
            if (arrival.count().get() > arrival.distinct()) {
                resent[0]++;
            }
            // a deleted user is judged by when it was stored, as read before its deletion; a mail after
            // the deletion may be right (sent before the deletion was applied) and is only counted, below
            Stage.Deletion deletion = deleted.getOrDefault(email, uncertain.get(email));
            boolean existed = deletion != null ? !deletion.storedAt().isAfter(arrival.firstAt())
                : users.getOrDefault(email, List.of()).stream().anyMatch(user -> !user.createdAt.isAfter(arrival.firstAt()));
            if (!existed) {
                offenders.mailedMissing(email, users.containsKey(email) || deletion != null
                    ? "mailed before the user was stored" : "no such user");
            }
        });
        long active = coupons.values().stream().filter(Boolean::booleanValue).count();
        this.offenders = offenders;
        return new Counts(accepted, told, persisted, deletedCount, withOneMail, offenders.lost.size(),
            offenders.duplicated.size(), resent[0], offenders.mailedMissing.size(),
            deleted.keySet().stream().filter(mails::containsKey).count(), active, coupons.size() - active,
            count("SELECT count(*) FROM %s.parked_messages") + parkingDepths(), queued(), settled);
    }

    /** The addresses behind each broken invariant, with what is wrong, for the report. */
    static final class Offenders {
        final Map<String, String> lost = new java.util.TreeMap<>();
        final Map<String, String> duplicated = new java.util.TreeMap<>();
        final Map<String, String> mailedMissing = new java.util.TreeMap<>();

        void lost(String email, String why) {
            lost.put(email, why);
        }

        void duplicated(String email, String why) {
            duplicated.put(email, why);
        }

        void mailedMissing(String email, String why) {
            mailedMissing.put(email, why);
        }

        /** Up to {@code each} addresses per invariant: {@code lost: a@x (no welcome mail), …}. */
        String describe(int each) {
            StringBuilder text = new StringBuilder();
            describe(text, "lost", lost, each);
            describe(text, "duplicated", duplicated, each);
            describe(text, "mails to users that do not exist", mailedMissing, each);
            return text.toString();
        }

        private static void describe(StringBuilder text, String invariant, Map<String, String> offenders, int each) {
            if (offenders.isEmpty()) {
                return;
            }
            text.append("  ").append(invariant).append(" (").append(offenders.size()).append("): ");
            text.append(String.join(", ", offenders.entrySet().stream().limit(each)
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").toList()));
            text.append(offenders.size() > each ? ", …" : "").append('\n');
        }
    }

    private Offenders offenders = new Offenders();

    /** The addresses behind the last count's broken invariants. */
    Offenders offenders() {
        return offenders;
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
        long depth = 0;
        try (Connection connection = stage.servers.amqp("troupe-scenario-census")) {
            for (String queue : queues) {
                // a channel each: a passive declare of a queue not there closes its channel
                Channel channel = connection.createChannel();
                try {
                    depth += channel.queueDeclarePassive(queue).getMessageCount();
                    channel.close();
                } catch (IOException e) {
                    if (!notFound(e)) {
                        throw e; // a broker that cannot say is not an empty queue
                    }
                    // not declared: nothing in it (and the broker has closed the channel)
                }
            }
        }
        return depth;
    }

    /** The broker's 404 for a passive declare of a queue that is not there. */
    private static boolean notFound(IOException e) {
        return e.getCause() instanceof com.rabbitmq.client.ShutdownSignalException signal
            && signal.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close && close.getReplyCode() == 404;
    }

    private long count(String sql) throws SQLException {
        return stage.servers.count(sql);
    }

    private void query(String sql, Servers.Row each) throws SQLException {
        stage.servers.query(sql, each);
    }
}
