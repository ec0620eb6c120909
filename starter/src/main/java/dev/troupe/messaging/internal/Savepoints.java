package dev.troupe.messaging.internal;

import java.util.function.Supplier;
import org.springframework.transaction.TransactionStatus;

/**
 * Work in a savepoint of a batch's transaction, rolled back on any failure, a failed release
 * included: on PostgreSQL a handler that swallowed an SQL error leaves the transaction aborted,
 * and only the rollback to its savepoint saves the rest of the batch from a silent rollback.
 */
final class Savepoints {

    private Savepoints() {
    }

    /**
     * Runs the work in a savepoint, rolled back if the work or the savepoint's release fails. If the
     * rollback to the savepoint fails too, the transaction is not what the batch began (its connection
     * lost, or ended behind its back): what the batch did before may be gone, so the batch fails whole.
     */
    static <T> T inSavepoint(TransactionStatus status, Supplier<T> work) {
        Object savepoint = status.createSavepoint();
        try {
            T result = work.get();
            status.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException failure) {
            try {
                status.rollbackToSavepoint(savepoint);
            } catch (RuntimeException lost) {
                lost.addSuppressed(failure);
                throw new TransactionLost(lost);
            }
            throw failure;
        }
    }

    /** The batch's transaction could not be rolled back to a savepoint: no message of it may be settled alone. */
    static final class TransactionLost extends RuntimeException {
        TransactionLost(RuntimeException cause) {
            super("the batch's transaction was lost: " + cause.getMessage(), cause);
        }
    }
}
