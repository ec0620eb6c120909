package dev.troupe.coupons;

import java.time.Instant;
import java.util.UUID;

/** A registrant-only coupon: one per user, revoked when the user is deleted. */
public record Coupon(UUID userId, String code, Instant issuedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
