package dev.troupe.shop;

import dev.troupe.messaging.parking.ParkingHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.outbox.Outbox;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter on its own, in an application of another domain with table and channel names of its
 * own, on the embedded broker and H2, and again on the real RabbitMQ and PostgreSQL
 * ({@link ServerSet}): its schema is created from nothing, a subscriber declared in one class gets
 * every event once, duplicates are dropped, poison is parked with its reason, a failure is retried.
 */
@SpringBootTest(classes = Shop.class, properties = {
    "troupe.messaging.schema.outbox-table=shop_outbox",
    "troupe.messaging.schema.inbox-table=shop_inbox",
    "troupe.messaging.schema.wake-up-channel=shop_wake_up",
    "troupe.messaging.schema.history-table=shop_messaging_history",
    "troupe.messaging.retry.initial-delay=200ms",
    "troupe.messaging.retry.max-delay=1s",
    "spring.rabbitmq.publisher-confirm-type=correlated",
    "spring.rabbitmq.publisher-returns=true",
    "spring.rabbitmq.template.mandatory=true"
})
@ContextConfiguration(initializers = ServerSet.class)
@org.springframework.context.annotation.Import(StarterIT.Meters.class)
class StarterIT {

    /** A registry of the application's own, as an application with actuator has, so that the starter's meters count. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class Meters {
        @org.springframework.context.annotation.Bean
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meterRegistry() {
            return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Dispatch dispatch;

    @Autowired
    ConfirmedPublisher publisher;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DispatchLog log;

    @Autowired
    RabbitListenerEndpointRegistry listeners;


    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @AfterAll
    static void dropSchema() {
        ServerSet.dropSchema();
    }

    /** As a {@code @RabbitListener}'s: concurrency and batch size on the subscriber, placeholders resolved. */
    @Test
    void aSubscriberFoundByTheScanRunsItsOwnConsumersAndBatchSize() {
        var container = (org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer)
            listeners.getListenerContainer("returns");
        await().atMost(PATIENCE).until(container::getActiveConsumerCount, consumers -> consumers == 3);
        assertThat(org.springframework.test.util.ReflectionTestUtils.getField(container, "batchSize")).isEqualTo(7);
        assertThat(org.springframework.test.util.ReflectionTestUtils.getField(listeners.getListenerContainer("dispatch"),
            "batchSize")).isEqualTo(50);
    }

    @Test
    void anEventCommittedToTheOutboxReachesItsSubscriberOnce() {
        ParcelShipped event = new ParcelShipped(UUID.randomUUID(), "parcel-" + UUID.randomUUID());
        transactions.executeWithoutResult(status -> outbox.publish(event));

        await().atMost(PATIENCE).until(() -> dispatch.handled(event.parcel()).size() == 1);
        assertThat(count("SELECT COUNT(*) FROM shop_outbox WHERE message_id = :id AND published_at IS NOT NULL",
            event.eventId().toString())).isOne();
        assertThat(count("SELECT COUNT(*) FROM shop_inbox WHERE consumer = 'dispatch' AND message_id = :id",
            event.eventId().toString())).isOne();
    }

    /** A subscriber quiet for a while lets its consumer sleep (a long wait), and its next event still comes in. */
    @Test
    void aQuietSubscriberSleepsAndItsNextEventIsHandled() {
        var container = listeners.getListenerContainer("dispatch");
        await().atMost(PATIENCE).until(() -> (long) org.springframework.test.util.ReflectionTestUtils.getField(container,
            "receiveTimeout") == 1000);
        ParcelShipped event = new ParcelShipped(UUID.randomUUID(), "parcel-" + UUID.randomUUID());
        transactions.executeWithoutResult(status -> outbox.publish(event));

        await().atMost(PATIENCE).until(() -> dispatch.handled(event.parcel()).size() == 1);
    }

    @Test
    void anEventRolledBackWithItsTransactionIsNeverPublished() {
        ParcelShipped event = new ParcelShipped(UUID.randomUUID(), "parcel-" + UUID.randomUUID());
        transactions.executeWithoutResult(status -> {
            outbox.publish(event, null);
            status.setRollbackOnly();
        });
        ParcelShipped after = new ParcelShipped(UUID.randomUUID(), "parcel-" + UUID.randomUUID());
        transactions.executeWithoutResult(status -> outbox.publish(after, null));

        await().atMost(PATIENCE).until(() -> dispatch.handled(after.parcel()).size() == 1);
        assertThat(dispatch.handled(event.parcel())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM shop_outbox WHERE message_id = :id", event.eventId().toString())).isZero();
    }

    @Test
    void aDuplicateDeliveryHasNoSecondEffect() {
        String parcel = "parcel-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        sendToQueue(id, "parcel_shipped", "{\"event_id\":\"" + id + "\",\"parcel\":\"" + parcel + "\"}");
        sendToQueue(id, "parcel_shipped", "{\"event_id\":\"" + id + "\",\"parcel\":\"" + parcel + "\"}");
        String marker = "parcel-" + UUID.randomUUID();
        String markerId = UUID.randomUUID().toString();
        sendToQueue(markerId, "parcel_shipped", "{\"event_id\":\"" + markerId + "\",\"parcel\":\"" + marker + "\"}");

        // the queue delivers in order: once the later message is handled, so are both copies
        await().atMost(PATIENCE).until(() -> dispatch.handled(marker).size() == 1);
        assertThat(dispatch.handled(parcel)).hasSize(1);
    }

    @Test
    void poisonIsParkedWithItsReasonAndNothingIsLost() {
        String unreadable = sendToQueue(UUID.randomUUID().toString(), "parcel_shipped", "{not json");
        String invalid = sendToQueue(UUID.randomUUID().toString(), "parcel_shipped",
            "{\"event_id\":\"" + UUID.randomUUID() + "\",\"parcel\":\"\"}");
        String unknown = sendToQueue(UUID.randomUUID().toString(), "parcel_lost", "{}");

        List<String> ids = List.of(unreadable, invalid, unknown);
        List<Message> parked = await().atMost(PATIENCE).until(() -> parked(ids), list -> list.size() == ids.size());
        assertThat(parked).allSatisfy(message -> assertThat(message.getMessageProperties().getHeaders())
            .containsKeys(ParkingHeaders.REASON, ParkingHeaders.EXCEPTION).containsEntry(ParkingHeaders.ORIGINAL_QUEUE, Dispatch.QUEUE));
        assertThat(reasonOf(parked, invalid)).contains("parcel");
        assertThat(reasonOf(parked, unknown)).contains("does not handle parcel_lost");
    }

    @Test
    void aHandlerThatFailsOnceLeavesNoInboxRowAndItsRetryIsProcessed() {
        ParcelShipped event = new ParcelShipped(UUID.randomUUID(), "flaky-" + UUID.randomUUID());
        transactions.executeWithoutResult(status -> outbox.publish(event));

        await().atMost(PATIENCE).until(() -> dispatch.handled(event.parcel()).size() == 1);
        // the retry went through the outbox, delayed: the first attempt's row and the retry's
        assertThat(count("SELECT COUNT(*) FROM shop_outbox WHERE message_id = :id", event.eventId().toString()))
            .isEqualTo(2);
    }

    @Test
    void aBatchCommitsTogetherAndAFailingMessageIsRolledBackAloneToBeRetried() {
        List<ParcelShipped> events = parcels(20, 7, "flaky-");
        String twice = "parcel-" + UUID.randomUUID();
        String twiceId = UUID.randomUUID().toString();
        queuedAtOnce(events, () -> {
            sendToQueue(twiceId, "parcel_shipped", "{\"event_id\":\"" + twiceId + "\",\"parcel\":\"" + twice + "\"}");
            sendToQueue(twiceId, "parcel_shipped", "{\"event_id\":\"" + twiceId + "\",\"parcel\":\"" + twice + "\"}");
            sendToQueue(UUID.randomUUID().toString(), "parcel_shipped", "{not json");
        });

        await().atMost(PATIENCE).until(() -> events.stream().allMatch(event -> dispatch.handled(event.parcel()).size() == 1));
        assertThat(dispatch.largestBatch()).isGreaterThan(1);
        // the flaky one's first attempt left no row: its savepoint was rolled back, the batch's commit kept the others'
        assertThat(events).allSatisfy(event -> assertThat(log.rowsOf(event.parcel())).isOne());
        await().atMost(PATIENCE).until(() -> log.rowsOf(twice) == 1);
        assertThat(dispatch.handled(twice)).hasSize(1);
    }

    @Test
    void aHandlerThatSwallowsAnSqlErrorCostsTheRestOfItsBatchNothing() {
        List<ParcelShipped> events = parcels(11, 5, "swallow-");
        queuedAtOnce(events, () -> { });

        // on PostgreSQL the error aborted the transaction: only the rollback to that message's savepoint
        // kept the others' commit from being a silent rollback; that message is retried (on H2 it just passes)
        await().atMost(PATIENCE).until(() -> events.stream().allMatch(event -> log.rowsOf(event.parcel()) == 1));
        // the handler's list is no transaction: the swallowing attempt counts there too, where it was retried
        assertThat(events).filteredOn(event -> event.parcel().startsWith("parcel-"))
            .allSatisfy(event -> assertThat(dispatch.handled(event.parcel())).hasSize(1));
        assertThat(events).allSatisfy(event -> assertThat(log.rowsOf(event.parcel())).isOne());
    }

    /**
     * A batch whose transaction fails (one handler's connection lost, say) goes back to the broker
     * whole, and each of its messages is handled once on redelivery. On the embedded broker the
     * container's own give-back, one multiple nack, requeued only the highest tag and left the rest
     * for the next ack to take unprocessed; the listener closes the batch's channel instead.
     */
    @Test
    void aBatchWhoseTransactionFailsGoesBackWholeAndEachOfItsMessagesIsHandledOnce() {
        List<ParcelShipped> events = parcels(15, 3, "doom-");
        double requeued = requeued();
        queuedAtOnce(events, () -> { });

        await().atMost(PATIENCE).until(() -> events.stream().allMatch(event -> log.rowsOf(event.parcel()) == 1));
        assertThat(requeued()).as("the batch went back at least once").isGreaterThan(requeued);
        // the handler's list is no transaction: the first attempt's calls count there, its rows did not stay
        assertThat(events).allSatisfy(event -> assertThat(dispatch.handled(event.parcel())).isNotEmpty());
        assertThat(events).allSatisfy(event -> assertThat(log.rowsOf(event.parcel())).isOne());
    }

    private double requeued() {
        return meters.find("troupe.messaging.requeued").tag("queue", Dispatch.QUEUE).counters().stream()
            .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void theSchemaIsTheStartersOwnUnderItsOwnHistory() {
        assertThat(jdbc.sql("SELECT version FROM shop_messaging_history WHERE success ORDER BY installed_rank")
            .query(String.class).list()).containsSubsequence("1", "2");
    }

    /** {@code count} parcels, the one at {@code odd} named with {@code prefix} (which Dispatch treats specially). */
    private static List<ParcelShipped> parcels(int count, int odd, String prefix) {
        return java.util.stream.IntStream.range(0, count)
            .mapToObj(i -> new ParcelShipped(UUID.randomUUID(), (i == odd ? prefix : "parcel-") + UUID.randomUUID())).toList();
    }

    /**
     * The events published and relayed, and whatever {@code more} sends, while the consumer is
     * stopped, so that it finds them all at once when it starts again: one batch.
     */
    private void queuedAtOnce(List<ParcelShipped> events, Runnable more) {
        listeners.getListenerContainer("dispatch").stop();
        try {
            transactions.executeWithoutResult(status -> events.forEach(outbox::publish));
            await().atMost(PATIENCE).until(() -> events.stream().allMatch(event -> count(
                "SELECT COUNT(*) FROM shop_outbox WHERE message_id = :id AND published_at IS NOT NULL",
                event.eventId().toString()) == 1));
            more.run();
        } finally {
            listeners.getListenerContainer("dispatch").start();
        }
    }

    private final List<Message> drained = new java.util.ArrayList<>();

    /** The parked messages of these ids found so far: takes what is in the parking queue, keeping what earlier calls took. */
    private List<Message> parked(List<String> ids) {
        Message message;
        while ((message = rabbit.receive(Dispatch.QUEUE + ".parked")) != null) {
            drained.add(message);
        }
        return drained.stream().filter(parked -> ids.contains(parked.getMessageProperties().getMessageId())).toList();
    }

    private static String reasonOf(List<Message> parked, String id) {
        return parked.stream().filter(message -> id.equals(message.getMessageProperties().getMessageId())).findFirst()
            .map(message -> String.valueOf(message.getMessageProperties().getHeaders().get(ParkingHeaders.REASON))).orElseThrow();
    }

    private String sendToQueue(String messageId, String type, String body) {
        return ShopMessages.sendToDispatch(publisher, messageId, type, body);
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
