package dev.troupe.messaging.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.rabbit.connection.CorrelationData;

/**
 * What the broker said of one published message. The one rule for every publisher: a message is
 * {@link Kind#CONFIRMED} only on the broker's ack of that message; {@link Kind#UNROUTABLE} when the
 * broker took it but no queue was bound for it (returned; RabbitMQ returns before its ack, Qpid
 * nacks first, both end here), which no retry can change; {@link Kind#REFUSED} on a nack;
 * {@link Kind#NO_CONFIRM} when nothing came in time or the channel went.
 */
public record Confirmation(Kind kind, String detail) {

    public enum Kind { CONFIRMED, UNROUTABLE, REFUSED, NO_CONFIRM }

    /** Waits for the broker's word on {@code correlation} until {@code deadlineNanos} ({@link System#nanoTime()}). */
    public static Confirmation await(CorrelationData correlation, long deadlineNanos) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture()
                .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (correlation.getReturned() != null) {
                return new Confirmation(Kind.UNROUTABLE, correlation.getReturned().getReplyText());
            }
            return confirm.ack() ? new Confirmation(Kind.CONFIRMED, null) : new Confirmation(Kind.REFUSED, confirm.reason());
        } catch (ExecutionException e) {
            return new Confirmation(Kind.NO_CONFIRM, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return new Confirmation(Kind.NO_CONFIRM, "no confirm in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Confirmation(Kind.NO_CONFIRM, "interrupted while waiting for a confirm");
        }
    }

    public boolean confirmed() {
        return kind == Kind.CONFIRMED;
    }
}
