package dev.troupe.messaging.parking;

import java.util.List;
import java.util.Optional;

/**
 * The parked messages of every queue this process declares with a parking queue, drained into a
 * table (AMQP 0-9-1 cannot browse a queue): listed, replayed through the outbox (so a replay is
 * never lost, its body mended by the application's {@link ReplayRewrite}s) or discarded.
 */
public interface ParkedMessages {

    /** Newest first, by queue and message id where given (null: any); each with the first {@value ParkedMessage#PREVIEW_BYTES} bytes of its body. */
    List<ParkedMessage> list(String queue, String messageId, int page, int size);

    /** One parked message with its whole body. */
    Optional<ParkedMessage> find(long id);

    /**
     * Sends the message back to the queue that parked it, as it was before it failed, and forgets it;
     * false if there is no such message.
     *
     * @throws NotReplayableException if no consumer of this process's topology reads that queue any more
     */
    boolean replay(long id);

    /** Forgets the message; false if there is no such message. */
    boolean discard(long id);
}
