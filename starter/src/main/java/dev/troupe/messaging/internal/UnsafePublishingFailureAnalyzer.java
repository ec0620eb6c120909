package dev.troupe.messaging.internal;

import dev.troupe.messaging.UnsafePublishingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which settings make publishing safe, when the application was started without them. */
class UnsafePublishingFailureAnalyzer extends AbstractFailureAnalyzer<UnsafePublishingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafePublishingException cause) {
        return new FailureAnalysis(
            "Publishing to the broker is set up so that a message could be lost without anyone knowing: the outbox "
                + "needs the broker's confirm of each message (correlated publisher confirms), and a message no queue "
                + "takes must come back to the publisher (mandatory, with returns).",
            "Set " + String.join(", ", cause.missing()) + " (or remove the settings that turned them off; "
                + "Troupe's application.properties sets all three).",
            cause);
    }
}
