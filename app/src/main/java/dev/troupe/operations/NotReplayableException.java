package dev.troupe.operations;

/** A parked message whose queue has no consumer any more (another flow's): replaying it would lose it. */
public class NotReplayableException extends RuntimeException {

    public NotReplayableException(String message) {
        super(message);
    }
}
