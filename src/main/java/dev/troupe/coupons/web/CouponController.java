package dev.troupe.coupons.web;

import dev.troupe.coupons.Coupon;
import dev.troupe.coupons.CouponService;
import dev.troupe.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /coupons?user_id=}: the user's coupon, active or revoked. */
@RestController
public class CouponController {

    private final CouponService coupons;

    public CouponController(CouponService coupons) {
        this.coupons = coupons;
    }

    @GetMapping({"/coupons", "/coupons/"})
    ResponseEntity<?> of(@RequestParam("user_id") long userId) {
        return coupons.of(userId)
            .<ResponseEntity<?>>map(coupon -> ResponseEntity.ok(View.of(coupon)))
            .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "Coupon not found", "No coupon for user " + userId));
    }

    record View(long userId, String code, String status, java.time.Instant issuedAt, java.time.Instant revokedAt) {
        static View of(Coupon coupon) {
            return new View(coupon.userId(), coupon.code(), coupon.active() ? "active" : "revoked",
                coupon.issuedAt(), coupon.revokedAt());
        }
    }
}
