package dev.troupe.mailer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The users' statuses learnt for a batch of events, kept as long as the batch's transaction: its
 * mails then ask the users service once, not once each. Outside such a transaction, or for a user
 * the batch did not ask about, each check asks on its own, as before. A status is as fresh as the
 * batch (milliseconds old): the check happens before the send, never atomically with it.
 */
class BatchUserChecks implements UserDirectory {

    private final UserDirectory directory;

    BatchUserChecks(UserDirectory directory) {
        this.directory = directory;
    }

    /** Asks about all of them at once and keeps the answers until the transaction ends. */
    void learn(Collection<UUID> userIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || userIds.isEmpty()) {
            return;
        }
        // only what the answer named: a user it left out is asked about on its own, never taken as gone
        known().putAll(directory.statuses(userIds));
    }

    @Override
    public boolean exists(UUID userId) {
        Object known = TransactionSynchronizationManager.getResource(this);
        if (known instanceof Map<?, ?> statuses && statuses.get(userId) instanceof Boolean exists) {
            return exists;
        }
        return directory.exists(userId);
    }

    @Override
    public Map<UUID, Boolean> statuses(Collection<UUID> userIds) {
        return directory.statuses(userIds);
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Boolean> known() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<UUID, Boolean>) bound;
        }
        Map<UUID, Boolean> known = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, known);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(BatchUserChecks.this);
            }
        });
        return known;
    }
}
