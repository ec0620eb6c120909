package dev.troupe.messaging.internal;

import dev.troupe.messaging.Envelopes;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Duration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every subscriber's listener works with, made once: one parameter where there were nine
 * passed from the auto-configuration through the endpoints to each listener.
 */
record SubscriberMachinery(Inbox inbox, Envelopes envelopes, Validator validator, TransactionTemplate transactions,
                           Replies replies, FailureAdvice failures, MeterRegistry meters, Duration lagWindow,
                           MessageObservations observations) {
}
