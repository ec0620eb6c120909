package dev.troupe.coupons;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The coupons table, the coupons service's own. */
class Coupons {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    Coupons(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues the user's coupon unless the user has one already. */
    boolean issue(UUID userId) {
        return jdbc.sql("""
                INSERT INTO coupons (user_id, code, issued_at)
                SELECT :userId, :code, :now WHERE NOT EXISTS (SELECT 1 FROM coupons WHERE user_id = :userId)""")
            .param("userId", userId)
            .param("code", newCode())
            .param("now", OffsetDateTime.now(clock))
            .update() == 1;
    }

    /**
     * Revokes the user's coupon. If user_deleted overtakes user_created (a retried user_created
     * comes back after it), a revoked row is written first, so the late user_created issues nothing:
     * the two events give the same result in either order.
     */
    void revoke(UUID userId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int revoked = jdbc.sql("UPDATE coupons SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
            .param("userId", userId)
            .param("now", now)
            .update();
        if (revoked == 0) {
            jdbc.sql("""
                    INSERT INTO coupons (user_id, code, issued_at, revoked_at)
                    SELECT :userId, :code, :now, :now WHERE NOT EXISTS (SELECT 1 FROM coupons WHERE user_id = :userId)""")
                .param("userId", userId)
                .param("code", "REVOKED-" + newCode().substring("WELCOME-".length()))
                .param("now", now)
                .update();
        }
    }

    Optional<Coupon> of(UUID userId) {
        return jdbc.sql("SELECT user_id, code, issued_at, revoked_at FROM coupons WHERE user_id = :userId")
            .param("userId", userId)
            .query((rs, row) -> new Coupon(rs.getObject("user_id", UUID.class), rs.getString("code"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
            .optional();
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder("WELCOME-");
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
