package dev.troupe.shop;

import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Prepare;
import dev.troupe.messaging.Subscriber;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A subscriber as a user of the starter writes one: this class, found by the component scan. */
@Subscriber(name = "dispatch", queue = Dispatch.QUEUE)
public class Dispatch {

    public static final String QUEUE = "shop_dispatch_queue";

    private final DispatchLog log;
    private final List<ParcelShipped> handled = new CopyOnWriteArrayList<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final List<Integer> batches = new CopyOnWriteArrayList<>();

    public Dispatch(DispatchLog log) {
        this.log = log;
    }

    /** Once per batch, before its on calls: where a subscriber fetches at once what each event needs. */
    @Prepare
    void prepare(List<ParcelShipped> batch) {
        batches.add(batch.size());
    }

    @Handler

    void on(ParcelShipped event) {
        log.record(event.parcel());
        // a parcel so named makes its first delivery swallow an SQL error and return as if all went well
        if (event.parcel().startsWith("swallow-") && failedOnce.add(event.parcel())) {
            log.swallowAnError();
        }
        // a parcel so named takes its whole batch's transaction down with its first delivery
        if (event.parcel().startsWith("doom-") && failedOnce.add(event.parcel())) {
            log.endTheTransaction();
            throw new IllegalStateException("dispatch lost its database connection, for once");
        }
        // a parcel so named fails its first delivery, after its effect, as a passing outage would
        if (event.parcel().startsWith("flaky-") && failedOnce.add(event.parcel())) {
            throw new IllegalStateException("dispatch store unavailable, for once");
        }
        handled.add(event);
    }

    public int largestBatch() {
        return batches.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public List<ParcelShipped> handled(String parcel) {
        return handled.stream().filter(event -> event.parcel().equals(parcel)).toList();
    }
}
