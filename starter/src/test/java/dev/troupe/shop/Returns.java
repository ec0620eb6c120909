package dev.troupe.shop;

import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;
import java.util.concurrent.atomic.AtomicInteger;

/** A second subscriber, tuned as a {@code @RabbitListener} is: its own consumers and batch size, from properties. */
@Subscriber(name = "returns", queue = "shop_returns_queue", concurrency = "${shop.returns.consumers:3}",
    batchSize = "${shop.returns.batch:7}")
public class Returns {

    final AtomicInteger seen = new AtomicInteger();

    @Handler
    void on(ParcelShipped parcel) {
        seen.incrementAndGet();
    }
}
