package dev.troupe.coupons.amqp;

import dev.troupe.coupons.CouponService;
import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;
import dev.troupe.topology.Topology;
import dev.troupe.events.UserCreated;
import dev.troupe.events.UserDeleted;

/**
 * One queue bound to user_created and user_deleted, so a user's two events arrive in order; one
 * method per event, deduplicated by the machinery in the coupons' inbox.
 */
@Subscriber(name = "coupons", queue = Topology.COUPONS_QUEUE)
public class CouponListener {

    private final CouponService coupons;

    public CouponListener(CouponService coupons) {
        this.coupons = coupons;
    }

    @Handler

    void on(UserCreated event) {
        coupons.userCreated(event.userId());
    }

    @Handler

    void on(UserDeleted event) {
        coupons.userDeleted(event.userId());
    }
}
