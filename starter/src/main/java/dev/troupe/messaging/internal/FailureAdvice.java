package dev.troupe.messaging.internal;

import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.PermanentMessageFailure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener-container advice deciding what becomes of a message whose processing failed, the same
 * on RabbitMQ and on the embedded broker, and never by blocking the queue:
 * <ul>
 * <li>a failure no retry can cure (unparseable body, failed validation, a value the database
 * refuses, {@link PermanentMessageFailure}) parks the message at once;</li>
 * <li>any other failure (SMTP down, no reply, database error) stores the message for redelivery to
 * the same queue after an exponential, jittered delay, and acknowledges it, so the messages behind
 * it keep flowing; once {@code giveUpAfter} has passed since its first failure it is parked;</li>
 * <li>if storing it fails because the database refuses the message itself (a value too long for
 * its column), it is parked; if storing fails for any other reason (the database is down or
 * unreachable), the message is requeued after a short pause.</li>
 * </ul>
 * The classification builds on Spring AMQP's own fatal-exception strategy.
 */
class FailureAdvice implements MethodInterceptor {

    static final String ATTEMPTS = "x-attempts";
    static final String FIRST_FAILED_AT = "x-first-failed-at";
    static final String LAST_ERROR = "x-last-error";
    private static final Logger log = LoggerFactory.getLogger(FailureAdvice.class);
    private static final Duration PAUSE_BEFORE_REQUEUE = Duration.ofSeconds(1);
    private static final ConditionalRejectingErrorHandler.DefaultExceptionStrategy FATAL = new Classification();

    private final Parking parking;
    private final DelayedRedelivery redelivery;
    private final MessagingSettings.Retry retry;
    private final Clock clock;
    private final MeterRegistry meters;

    FailureAdvice(Parking parking, DelayedRedelivery redelivery, MessagingSettings.Retry retry, Clock clock,
                  MeterRegistry meters) {
        this.parking = parking;
        this.redelivery = redelivery;
        this.retry = retry;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        try {
            return invocation.proceed();
        } catch (Throwable failure) {
            // the container's invokeListener(Channel, Object data): data is the delivered Message
            if (!(invocation.getArguments()[1] instanceof Message message)) {
                throw failure;
            }
            onFailure(message, failure);
            return null;
        }
    }

    /**
     * Parks the message, or stores it for a later redelivery; throws the failure back (after a
     * pause) only if the message could be neither, for the container to requeue it.
     */
    void onFailure(Message message, Throwable failure) throws Throwable {
        Instant now = clock.instant();
        Retrying state = Retrying.after(message, failure, now);
        state.writeTo(message.getMessageProperties().getHeaders());
        if (isPermanent(failure) || state.givenUp(retry, now)) {
            parking.park(message, failure);
            return;
        }
        Duration delay = delayBefore(state.attempts(), retry);
        try {
            redelivery.redeliver(message, message.getMessageProperties().getConsumerQueue(), now.plus(delay));
        } catch (RuntimeException storeFailed) {
            if (isRefusedByTheDatabase(storeFailed)) {
                parking.park(message, storeFailed);
                return;
            }
            log.warn("Could not store message {} for redelivery ({}); requeueing it",
                message.getMessageProperties().getMessageId(), storeFailed.getMessage());
            pauseBeforeRequeue(java.util.List.of(message));
            throw failure;
        }
        meters.counter("troupe.messaging.retried", "queue", queueOf(message)).increment();
        log.info("Message {} from {} failed (attempt {}), retrying in {} ms: {}",
            message.getMessageProperties().getMessageId(), message.getMessageProperties().getConsumerQueue(),
            state.attempts(), delay.toMillis(), state.lastError());
    }

    /**
     * A batch that failed as a whole (its transaction could not begin or commit: the database is
     * unreachable): every message goes back to the queue, after the same pause as one would.
     */
    void requeue(java.util.List<Message> messages, RuntimeException failure) {
        log.warn("Could not process a batch of {} messages ({}); requeueing them", messages.size(), failure.getMessage());
        pauseBeforeRequeue(messages);
        throw failure;
    }

    /** Counts the messages as requeued and pauses, so that a database that is down is not asked again at once. */
    private void pauseBeforeRequeue(java.util.List<Message> messages) {
        messages.forEach(message -> meters.counter("troupe.messaging.requeued", "queue", queueOf(message)).increment());
        try {
            Thread.sleep(PAUSE_BEFORE_REQUEUE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String queueOf(Message message) {
        return String.valueOf(message.getMessageProperties().getConsumerQueue());
    }

    static boolean isPermanent(Throwable failure) {
        return FATAL.isFatal(failure);
    }

    /** The message itself cannot be stored (not a duplicate-key race): storing it again would fail again. */
    static boolean isRefusedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataIntegrityViolationException && !(cause instanceof DuplicateKeyException)) {
                return true;
            }
        }
        return false;
    }

    /** Exponential delay with jitter before the given attempt (1 = after the first failure). */
    static Duration delayBefore(int attempt, MessagingSettings.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialDelay().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxDelay().toMillis());
        backOff.setJitter(retry.initialDelay().toMillis() / 2);
        BackOffExecution execution = backOff.start();
        long delay = retry.initialDelay().toMillis();
        for (int i = 0; i < attempt; i++) {
            delay = execution.nextBackOff();
        }
        return Duration.ofMillis(delay);
    }

    /** How often, and since when, a message has failed, as carried in its headers. */
    record Retrying(int attempts, Instant firstFailedAt, String lastError) {

        static Retrying after(Message message, Throwable failure, Instant now) {
            Map<String, Object> headers = message.getMessageProperties().getHeaders();
            int before = headers.get(ATTEMPTS) instanceof Number n ? n.intValue() : 0;
            return new Retrying(before + 1, instantOr(headers.get(FIRST_FAILED_AT), now),
                String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure).getMessage()));
        }

        boolean givenUp(MessagingSettings.Retry retry, Instant now) {
            return !now.isBefore(firstFailedAt.plus(retry.giveUpAfter()));
        }

        void writeTo(Map<String, Object> headers) {
            headers.put(ATTEMPTS, attempts);
            headers.put(FIRST_FAILED_AT, firstFailedAt.toString());
            headers.put(LAST_ERROR, lastError.length() > 1000 ? lastError.substring(0, 1000) : lastError);
        }

        /** A header someone else wrote may be anything: an unreadable one counts from now. */
        private static Instant instantOr(Object value, Instant fallback) {
            try {
                return value instanceof String text ? Instant.parse(text) : fallback;
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
    }

    private static final class Classification extends ConditionalRejectingErrorHandler.DefaultExceptionStrategy {

        /**
         * Spring AMQP's warning here says the message "will be dropped or routed to a dead letter
         * exchange": neither is what happens, the message is parked, and {@link Parking} says so in one line.
         */
        @Override
        protected void logFatalException(org.springframework.amqp.rabbit.support.ListenerExecutionFailedException failure,
                                         Throwable cause) {
        }

        /** A value the database refuses (too long, not null) is refused again; a duplicate key is a race, worth a retry. */
        @Override
        protected boolean isUserCauseFatal(Throwable cause) {
            return cause instanceof PermanentMessageFailure
                || cause instanceof DataIntegrityViolationException && !(cause instanceof DuplicateKeyException);
        }
    }
}
