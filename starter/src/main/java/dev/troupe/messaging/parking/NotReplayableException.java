package dev.troupe.messaging.parking;

/** A parked message whose queue has no consumer any more (say, another flow's): replaying it would lose it. */
public class NotReplayableException extends RuntimeException {

    public NotReplayableException(String message) {
        super(message);
    }
}
