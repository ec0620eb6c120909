package dev.troupe.messaging.internal;

import java.time.Instant;
import org.springframework.amqp.core.Message;

/** Stores a message to be delivered to {@code queue} again, not before {@code notBefore}. */
public interface DelayedRedelivery {

    void redeliver(Message message, String queue, Instant notBefore);
}
