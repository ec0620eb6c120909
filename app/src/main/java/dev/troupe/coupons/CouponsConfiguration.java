package dev.troupe.coupons;

import dev.troupe.TroupeService;
import dev.troupe.coupons.amqp.CouponListener;
import dev.troupe.coupons.web.CouponController;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coupons service: the seed's "registrant-only coupon issuing system", a new subscriber added
 * without a line changed in the users service.
 */
@TroupeService(name = CouponsConfiguration.NAME)
public class CouponsConfiguration {

    /** Its name in {@code troupe.services}. */
    public static final String NAME = "coupons";

    @Bean
    CouponService couponService(JdbcClient jdbc, Clock clock) {
        return new CouponService(new Coupons(jdbc, clock));
    }

    @Bean
    CouponListener couponListener(CouponService coupons) {
        return new CouponListener(coupons);
    }

    @Bean
    CouponController couponController(CouponService coupons) {
        return new CouponController(coupons);
    }
}
