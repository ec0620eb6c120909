package dev.troupe.coupons;

import dev.troupe.ConditionalOnService;
import dev.troupe.Services;
import dev.troupe.coupons.amqp.CouponListener;
import dev.troupe.coupons.web.CouponController;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coupons service: the seed's "registrant-only coupon issuing system", a new subscriber added
 * without a line changed in the users service.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnService(Services.COUPONS)
public class CouponsConfiguration {

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
