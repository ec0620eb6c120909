package dev.troupe.outbox;

import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.api.RoutedEvent;

/**
 * Writes messages to the outbox table inside the caller's transaction: they exist if and only if
 * the caller's data does. After the commit the local relay is woken at once; relays in other
 * processes are woken by PostgreSQL's NOTIFY (a trigger on the table) or find the rows when polling.
 */
public interface Outbox {

    /** An event as JSON, where its {@link Route} says; must run inside a transaction. */
    default void publish(RoutedEvent event) {
        publish(event, null);
    }

    /**
     * An event as JSON, where its {@link Route} says, its type being its routing key and its id the
     * message id (the inbox key of every subscriber); must run inside a transaction, whose rollback
     * takes the message with it.
     *
     * @param correlationId the request it answers, carried as the message's correlation id; may be null
     */
    void publish(RoutedEvent event, String correlationId);

    /** Any message, as it is to be published; must run inside a transaction: committed, or rolled back, with it. */
    void add(OutgoingMessage message);
}
