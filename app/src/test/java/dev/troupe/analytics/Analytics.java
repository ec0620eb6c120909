package dev.troupe.analytics;

import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;
import dev.troupe.events.UserCreated;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A subscriber that exists only in the test sources, written as a new service would be: this one
 * class. The machinery gives it its queue, bound to user_created, its parking queue, its inbox
 * rows and its retries; nothing shared was edited for it.
 */
@Subscriber(name = "analytics", queue = Analytics.QUEUE)
public class Analytics {

    public static final String QUEUE = "analytics_queue";

    /** A registration so named makes the first delivery fail, as a passing outage would. */
    public static final String FAILS_ONCE = "Fails Once";

    private final List<UserCreated> seen = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failed = new AtomicBoolean();

    @Handler

    void on(UserCreated event) {
        if (event.name().equals(FAILS_ONCE) && failed.compareAndSet(false, true)) {
            throw new IllegalStateException("analytics store unavailable, for once");
        }
        seen.add(event);
    }

    public List<UserCreated> seen() {
        return List.copyOf(seen);
    }
}
