package dev.troupe.analytics;

import dev.troupe.messaging.Subscriber;
import dev.troupe.users.UserCreated;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscriber that exists only in the test sources, written as a new service would be: this one
 * class. The machinery gives it its queue, bound to user_created, its parking queue, its inbox
 * rows and its retries; nothing shared was edited for it.
 */
@Subscriber(name = "analytics", queue = Analytics.QUEUE)
public class Analytics {

    public static final String QUEUE = "analytics_queue";

    private final List<UserCreated> seen = new CopyOnWriteArrayList<>();

    void on(UserCreated event) {
        seen.add(event);
    }

    public List<UserCreated> seen() {
        return List.copyOf(seen);
    }
}
