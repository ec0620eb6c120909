package dev.troupe.messaging.internal;

import dev.troupe.messaging.Handler;
import dev.troupe.messaging.InvalidSubscriberException;
import dev.troupe.messaging.Prepare;
import dev.troupe.messaging.Subscriber;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A subscriber that cannot be called stops the start with what is wrong and how a handler is declared, not a stack trace. */
class InvalidSubscriberFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSubscriberException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSubscriberException cause) {
        return new FailureAnalysis("The subscriber " + cause.getMessage(),
            "Give each @Handler method of a @Subscriber one parameter, an event record with a @Route, and"
                + " optionally a second, the org.springframework.amqp.core.Message; give each @Prepare method one"
                + " List of such an event, and a @Handler for that event.", cause);
    }
}
