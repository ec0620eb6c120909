package dev.troupe.mailer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The users on record learnt for a batch of events, kept as long as the batch's transaction: its
 * mails then ask the users service once, not once each. Outside such a transaction, or for a user
 * the batch did not ask about, each check asks on its own, as before. An answer is as fresh as the
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
        known().putAll(directory.recipients(userIds));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Recipient> recipient(UUID userId) {
        Object known = TransactionSynchronizationManager.getResource(this);
        if (known instanceof Map<?, ?> recipients && recipients.get(userId) instanceof Optional<?> recipient) {
            return (Optional<Recipient>) recipient;
        }
        return directory.recipient(userId);
    }

    @Override
    public Map<UUID, Optional<Recipient>> recipients(Collection<UUID> userIds) {
        return directory.recipients(userIds);
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Optional<Recipient>> known() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<UUID, Optional<Recipient>>) bound;
        }
        Map<UUID, Optional<Recipient>> known = new HashMap<>();
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
