package dev.troupe.coupons.amqp;

import dev.troupe.coupons.CouponService;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.PermanentMessageFailure;
import dev.troupe.messaging.Topology;
import dev.troupe.users.UserCreated;
import dev.troupe.users.UserDeleted;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;

/**
 * One queue bound to user_created and user_deleted, so a user's two events arrive in order; the
 * routing key tells which event a body is.
 */
public class CouponListener {

    private final CouponService coupons;
    private final Envelopes envelopes;

    public CouponListener(CouponService coupons, Envelopes envelopes) {
        this.coupons = coupons;
        this.envelopes = envelopes;
    }

    @RabbitListener(id = "coupons", queues = Topology.COUPONS_QUEUE)
    void on(Message message) {
        String event = Envelopes.typeOf(message);
        switch (event) {
            case Topology.USER_CREATED -> coupons.userCreated(envelopes.read(message, UserCreated.class).userId(), message);
            case Topology.USER_DELETED -> coupons.userDeleted(envelopes.read(message, UserDeleted.class).userId(), message);
            default -> throw new PermanentMessageFailure("coupons do not handle " + event);
        }
    }
}
