package dev.troupe.messaging.parking.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;

/**
 * Moves parked messages from the parking queues into the database, where {@link dev.troupe.messaging.parking.ParkedMessages} lists,
 * replays and discards them; acknowledged only once stored. AMQP 0-9-1 cannot browse a queue,
 * hence the table. If the database is down the message is requeued after a pause.
 */
public class ParkedMessageCollector implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(ParkedMessageCollector.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private final JdbcParkedMessages parked;

    public ParkedMessageCollector(JdbcParkedMessages parked) {
        this.parked = parked;
    }

    @Override
    public void onMessage(Message message) {
        try {
            parked.store(message);
        } catch (RuntimeException e) {
            log.warn("Could not store parked message {}: {}", message.getMessageProperties().getMessageId(), e.getMessage());
            pause();
            throw new ListenerExecutionFailedException("parked message not stored", e, message);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
