package dev.troupe.coupons;

import java.time.Instant;

/** A registrant-only coupon: one per user, revoked when the user is deleted. */
public record Coupon(long userId, String code, Instant issuedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
