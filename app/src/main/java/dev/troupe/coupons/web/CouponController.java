package dev.troupe.coupons.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.troupe.coupons.Coupon;
import dev.troupe.coupons.CouponService;
import dev.troupe.web.Problems;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /coupons?user_id=}: the user's coupon, active or revoked. */
@Tag(name = "coupons", description = "A coupon for every registered user, revoked when the user is deleted")
@RestController
public class CouponController {

    private final CouponService coupons;

    public CouponController(CouponService coupons) {
        this.coupons = coupons;
    }

    @Operation(summary = "A user's coupon", description = "Active, or revoked once the user was deleted.")
    @ApiResponse(responseCode = "200", description = "The coupon", content = @Content(schema = @Schema(implementation = View.class)))
    @ApiResponse(responseCode = "404", description = "No coupon for that user (yet)")
    @GetMapping({"/coupons", "/coupons/"})
    ResponseEntity<?> of(@Parameter(description = "The user's id, a UUID") @RequestParam("user_id") UUID userId) {
        return coupons.of(userId)
            .<ResponseEntity<?>>map(coupon -> ResponseEntity.ok(View.of(coupon)))
            .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "Coupon not found", "No coupon for user " + userId));
    }

    @Schema(name = "Coupon", description = "A user's coupon")
    record View(@Schema(description = "The user's id") UUID userId,
                @Schema(description = "The coupon code") String code,
                @Schema(description = "active or revoked") String status,
                @Schema(description = "When it was issued") java.time.Instant issuedAt,
                @Schema(description = "When it was revoked, if it was") java.time.Instant revokedAt) {
        static View of(Coupon coupon) {
            return new View(coupon.userId(), coupon.code(), coupon.active() ? "active" : "revoked",
                coupon.issuedAt(), coupon.revokedAt());
        }
    }
}
