package dev.troupe.messaging.internal;

import com.rabbitmq.client.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ChannelProxy;

/** How a subscriber's batch that did not commit goes back to the broker whole. */
final class ChannelGiveBack {

    private static final Logger log = LoggerFactory.getLogger(ChannelGiveBack.class);

    private ChannelGiveBack() {
    }

    /**
     * Gives a batch that did not commit back to the broker by closing its channel, which requeues
     * every message the channel holds unacknowledged; the container then starts its consumer again.
     * The container's own way, one basic.nack with multiple and requeue, is not safe on the embedded
     * broker: Qpid Broker-J 9.2.1 requeues only the highest delivery tag of such a nack and leaves
     * the others unacknowledged, for the next batch's multiple ack to acknowledge unprocessed.
     */
    static void giveBack(Channel channel) {
        if (channel == null) {
            return;
        }
        Channel target = channel instanceof ChannelProxy proxy ? proxy.getTargetChannel() : channel;
        try {
            if (target.isOpen()) {
                target.close();
            }
        } catch (java.io.IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            log.warn("Could not close the channel of a batch given back ({}); the container settles it", e.toString());
        }
    }
}
