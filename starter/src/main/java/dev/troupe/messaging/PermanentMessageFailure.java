package dev.troupe.messaging;

/**
 * A message that no retry can help (invalid content): thrown by a consumer to have the message
 * parked at once instead of redelivered.
 */
public class PermanentMessageFailure extends RuntimeException {

    public PermanentMessageFailure(String message) {
        super(message);
    }
}
