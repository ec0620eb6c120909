package dev.troupe.coupons;

import dev.troupe.ConditionalOnService;
import dev.troupe.Services;
import dev.troupe.coupons.amqp.CouponListener;
import dev.troupe.coupons.web.CouponController;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.Inbox;
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
    Inbox couponsInbox(JdbcClient jdbc, Clock clock) {
        return new Inbox(jdbc, clock, "coupons_inbox");
    }

    @Bean
    CouponService couponService(JdbcClient jdbc, Clock clock, Inbox couponsInbox) {
        return new CouponService(new Coupons(jdbc, clock), couponsInbox);
    }

    @Bean
    CouponListener couponListener(CouponService coupons, Envelopes envelopes) {
        return new CouponListener(coupons, envelopes);
    }

    @Bean
    CouponController couponController(CouponService coupons) {
        return new CouponController(coupons);
    }
}
