package dev.troupe.coupons;

import dev.troupe.messaging.Inbox;
import java.util.Optional;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reacts to the users service's events without the users service knowing: a coupon per new user,
 * revoked when the user goes. Each effect commits with its inbox row, so a redelivered event has
 * no second effect.
 */
public class CouponService {

    static final String CONSUMER = "coupons";

    private final Coupons coupons;
    private final Inbox inbox;

    CouponService(Coupons coupons, Inbox inbox) {
        this.coupons = coupons;
        this.inbox = inbox;
    }

    @Transactional
    public void userCreated(UUID userId, Message message) {
        if (inbox.firstDelivery(CONSUMER, message)) {
            coupons.issue(userId);
        }
    }

    @Transactional
    public void userDeleted(UUID userId, Message message) {
        if (inbox.firstDelivery(CONSUMER, message)) {
            coupons.revoke(userId);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Coupon> of(UUID userId) {
        return coupons.of(userId);
    }
}
