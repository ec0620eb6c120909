package dev.troupe.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to set when quorum queues are asked of the embedded broker. */
class QuorumNeedsRabbitMqFailureAnalyzer extends AbstractFailureAnalyzer<QuorumNeedsRabbitMqException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, QuorumNeedsRabbitMqException cause) {
        return new FailureAnalysis(
            "troupe.messaging.queue-type is quorum, but no RabbitMQ is configured, and the embedded broker "
                + "(Apache Qpid Broker-J) has no quorum queues.",
            "Point spring.rabbitmq.host (SPRING_RABBITMQ_HOST) at a RabbitMQ node or cluster, or set "
                + "troupe.messaging.queue-type=classic (the default) to run on the embedded broker.",
            cause);
    }
}
