package dev.troupe.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the broker, the user and the properties to change when the start-up broker check failed. */
class BrokerFailureAnalyzer extends AbstractFailureAnalyzer<BrokerCheckException> {

    private static final String EMBEDDED = "Or unset spring.rabbitmq.host and spring.rabbitmq.addresses "
        + "(SPRING_RABBITMQ_HOST, SPRING_RABBITMQ_ADDRESSES) to run on the embedded broker.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BrokerCheckException cause) {
        return switch (cause.problem()) {
            case UNREACHABLE -> new FailureAnalysis(
                "Troupe could not connect to the RabbitMQ broker at %s (virtual host '%s'): %s."
                    .formatted(cause.addresses(), cause.virtualHost(), cause.reason()),
                "Start RabbitMQ there, or point spring.rabbitmq.host and spring.rabbitmq.port "
                    + "(or spring.rabbitmq.addresses) at a running broker. " + EMBEDDED,
                cause);
            case LOGIN_REFUSED -> new FailureAnalysis(
                "The RabbitMQ broker at %s refused the login of user '%s' to virtual host '%s': %s."
                    .formatted(cause.addresses(), cause.username(), cause.virtualHost(), cause.reason()),
                "Correct spring.rabbitmq.username and spring.rabbitmq.password (SPRING_RABBITMQ_USERNAME, "
                    + "SPRING_RABBITMQ_PASSWORD), or give the user access on the broker (rabbitmqctl list_users, "
                    + "rabbitmqctl list_permissions -p '%s'). ".formatted(cause.virtualHost()) + EMBEDDED,
                cause);
        };
    }
}
