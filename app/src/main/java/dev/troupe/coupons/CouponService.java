package dev.troupe.coupons;

import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reacts to the users service's events without the users service knowing: a coupon per new user,
 * revoked when the user goes. Each effect commits with the subscriber's inbox row (written by the
 * messaging machinery, in the same transaction), so a redelivered event has no second effect.
 */
public class CouponService {

    private final Coupons coupons;

    CouponService(Coupons coupons) {
        this.coupons = coupons;
    }

    @Transactional
    public void userCreated(UUID userId) {
        coupons.issue(userId);
    }

    @Transactional
    public void userDeleted(UUID userId) {
        coupons.revoke(userId);
    }

    @Transactional(readOnly = true)
    public Optional<Coupon> of(UUID userId) {
        return coupons.of(userId);
    }
}
