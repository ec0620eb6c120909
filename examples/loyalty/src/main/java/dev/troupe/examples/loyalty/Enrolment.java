package dev.troupe.examples.loyalty;

import dev.troupe.events.UserCreated;
import dev.troupe.events.UserDeleted;
import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;

/**
 * Troupe's users, as loyalty sees them. The starter binds {@value #QUEUE} to {@code event_exchange} for
 * {@code user_created} and {@code user_deleted} (the events' own routes), gives it
 * {@code loyalty_queue.parked}, and runs each handler in a transaction with its inbox row, so a
 * redelivered event opens no second account.
 */
@Subscriber(name = "loyalty", queue = Enrolment.QUEUE)
public class Enrolment {

    public static final String QUEUE = "loyalty_queue";

    private final LoyaltyAccounts accounts;

    public Enrolment(LoyaltyAccounts accounts) {
        this.accounts = accounts;
    }

    @Handler
    void on(UserCreated event) {
        accounts.open(event.userId(), event.email());
    }

    /**
     * A deletion can overtake its creation (a creation that failed once comes back after the messages
     * behind it): rather than close nothing and leave the account to be opened after it, it fails, to be
     * retried with backoff once the creation has had its turn. A user registered before this queue ever
     * existed never gets an account, so its deletion ends up parked after the retries give up, with this
     * reason.
     */
    @Handler
    void on(UserDeleted event) {
        if (!accounts.close(event.userId())) {
            throw new IllegalStateException("no loyalty account for user " + event.userId() + " yet");
        }
    }
}
