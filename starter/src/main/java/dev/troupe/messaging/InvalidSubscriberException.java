package dev.troupe.messaging;

/** A {@link Subscriber} whose methods cannot be called as declared: found at start-up, named in the failure analysis. */
public class InvalidSubscriberException extends IllegalStateException {

    private final Class<?> subscriber;

    public InvalidSubscriberException(Class<?> subscriber, String problem) {
        super(subscriber.getName() + ": " + problem);
        this.subscriber = subscriber;
    }

    public Class<?> subscriber() {
        return subscriber;
    }
}
