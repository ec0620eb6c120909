package dev.troupe.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener-container advice deciding what becomes of a message whose processing failed, the same
 * on RabbitMQ and on the embedded broker, and never by blocking the queue:
 * <ul>
 * <li>a failure no retry can cure (unparseable body, failed validation, {@link PermanentMessageFailure})
 * parks the message at once;</li>
 * <li>any other failure (SMTP down, no reply, database error) stores the message for redelivery to
 * the same queue after an exponential, jittered delay, and acknowledges it, so the messages behind
 * it keep flowing; once {@code giveUpAfter} has passed since its first failure it is parked;</li>
 * <li>if even storing it fails (the database is down), the message is requeued after a short pause.</li>
 * </ul>
 * The classification is Spring AMQP's own fatal-exception strategy.
 */
class FailureAdvice implements MethodInterceptor {

    static final String ATTEMPTS = "x-attempts";
    static final String FIRST_FAILED_AT = "x-first-failed-at";
    static final String LAST_ERROR = "x-last-error";
    private static final Logger log = LoggerFactory.getLogger(FailureAdvice.class);
    private static final Duration PAUSE_BEFORE_REQUEUE = Duration.ofSeconds(1);

    private final Parking parking;
    private final DelayedRedelivery redelivery;
    private final MessagingSettings.Retry retry;
    private final Clock clock;
    private final ConditionalRejectingErrorHandler.DefaultExceptionStrategy fatal = new Classification();

    FailureAdvice(Parking parking, DelayedRedelivery redelivery, MessagingSettings.Retry retry, Clock clock) {
        this.parking = parking;
        this.redelivery = redelivery;
        this.retry = retry;
        this.clock = clock;
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
            handle(message, failure);
            return null;
        }
    }

    private void handle(Message message, Throwable failure) throws Throwable {
        Map<String, Object> headers = message.getMessageProperties().getHeaders();
        int attempts = attemptsOf(message) + 1;
        Instant now = clock.instant();
        Instant firstFailedAt = headers.get(FIRST_FAILED_AT) instanceof String first ? Instant.parse(first) : now;
        headers.put(ATTEMPTS, attempts);
        headers.put(FIRST_FAILED_AT, firstFailedAt.toString());
        headers.put(LAST_ERROR, String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure).getMessage()));
        if (fatal.isFatal(failure) || !now.isBefore(firstFailedAt.plus(retry.giveUpAfter()))) {
            parking.park(message, failure);
            return;
        }
        Duration delay = delayBefore(attempts, retry);
        try {
            redelivery.redeliver(message, message.getMessageProperties().getConsumerQueue(), now.plus(delay));
        } catch (RuntimeException storeFailed) {
            log.warn("Could not store message {} for redelivery ({}); requeueing it",
                message.getMessageProperties().getMessageId(), storeFailed.getMessage());
            Thread.sleep(PAUSE_BEFORE_REQUEUE.toMillis());
            throw failure;
        }
        log.info("Message {} from {} failed (attempt {}), retrying in {} ms: {}",
            message.getMessageProperties().getMessageId(), message.getMessageProperties().getConsumerQueue(),
            attempts, delay.toMillis(), headers.get(LAST_ERROR));
    }

    static int attemptsOf(Message message) {
        return message.getMessageProperties().getHeaders().get(ATTEMPTS) instanceof Number n ? n.intValue() : 0;
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

    private static final class Classification extends ConditionalRejectingErrorHandler.DefaultExceptionStrategy {

        @Override
        protected boolean isUserCauseFatal(Throwable cause) {
            return cause instanceof PermanentMessageFailure;
        }
    }
}
