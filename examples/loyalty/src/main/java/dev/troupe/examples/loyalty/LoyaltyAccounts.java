package dev.troupe.examples.loyalty;

import dev.troupe.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts table, and the event that tells of a new account. */
@Service
public class LoyaltyAccounts {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final LoyaltySettings settings;
    private final Clock clock;

    /** The clock is the starter's (a seam: a test may put its own in its place). */
    public LoyaltyAccounts(JdbcClient jdbc, Outbox outbox, LoyaltySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The account and its event commit together or not at all: the outbox row is written in this very
     * transaction (the subscriber's, when called from it), so a crash can lose neither one alone.
     */
    @Transactional
    public void open(UUID userId, String email) {
        Instant now = clock.instant();
        // a plain INSERT, no ON CONFLICT: it is the inbox that keeps a redelivered user_created from
        // getting here twice; should one slip through, the primary key fails it loudly instead of hiding it
        jdbc.sql("INSERT INTO loyalty_accounts (user_id, email, points, opened_at) VALUES (:user, :email, :points, :now)")
            .param("user", userId).param("email", email).param("points", settings.welcomePoints())
            .param("now", Timestamp.from(now)).update();
        outbox.publish(new LoyaltyAccountOpened(UUID.randomUUID(), userId, settings.welcomePoints(), now));
    }

    /**
     * Closes the user's account; false if there is none yet. The account is kept, closed, for the
     * record of its points.
     */
    @Transactional
    public boolean close(UUID userId) {
        int closed = jdbc.sql("UPDATE loyalty_accounts SET closed_at = COALESCE(closed_at, :now) WHERE user_id = :user")
            .param("user", userId).param("now", Timestamp.from(clock.instant())).update();
        return closed > 0;
    }
}
