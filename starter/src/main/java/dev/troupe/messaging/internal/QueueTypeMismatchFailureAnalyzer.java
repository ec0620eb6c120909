package dev.troupe.messaging.internal;

import com.rabbitmq.client.ShutdownSignalException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * RabbitMQ refuses to declare a queue that exists with another type (406, "inequivalent arg
 * 'x-queue-type'"), when {@code troupe.messaging.queue-type} changed: names the queue and the two
 * ways out, instead of a stack trace. Other channel errors are left to the other analyzers.
 */
class QueueTypeMismatchFailureAnalyzer extends AbstractFailureAnalyzer<ShutdownSignalException> {

    private static final Pattern MISMATCH =
        Pattern.compile("inequivalent arg 'x-queue-type' for queue '([^']*)' in vhost '([^']*)'");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ShutdownSignalException cause) {
        Matcher mismatch = MISMATCH.matcher(String.valueOf(cause.getMessage()));
        if (!mismatch.find()) {
            return null;
        }
        String queue = mismatch.group(1);
        String vhost = mismatch.group(2);
        return new FailureAnalysis(
            "The broker holds queue '%s' (virtual host '%s') of another type than troupe.messaging.queue-type asks for."
                .formatted(queue, vhost),
            ("RabbitMQ cannot change a queue's type. Either set troupe.messaging.queue-type (TROUPE_MESSAGING_QUEUETYPE) "
                + "to the type the queues have (classic is the default), or move them: stop every Troupe process, let the "
                + "queues drain, delete them and their .parked queues (rabbitmqctl delete_queue -p '%s' %s, and so on), "
                + "and start again to have them declared anew.").formatted(vhost, queue),
            cause);
    }
}
