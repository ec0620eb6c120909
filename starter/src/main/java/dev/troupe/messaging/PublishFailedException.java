package dev.troupe.messaging;

/** The broker did not take responsibility for a message: not confirmed, refused or unroutable. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message) {
        super(message);
    }

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
