package dev.troupe.startup;

import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;

/** The real RabbitMQ could not be used at start-up; carries what the failure analysis names. */
public class BrokerCheckException extends RuntimeException {

    /** What went wrong, each with its own advice. */
    public enum Problem { UNREACHABLE, LOGIN_REFUSED }

    private final Problem problem;
    private final String addresses;
    private final String virtualHost;
    private final String username;

    BrokerCheckException(Problem problem, String addresses, RabbitConnectionDetails details, Throwable cause) {
        super("RabbitMQ at " + addresses + ": " + problem + ": " + Reasons.of(cause), cause);
        this.problem = problem;
        this.addresses = addresses;
        this.virtualHost = details.getVirtualHost() == null ? "/" : details.getVirtualHost();
        this.username = details.getUsername();
    }

    public Problem problem() {
        return problem;
    }

    public String addresses() {
        return addresses;
    }

    public String virtualHost() {
        return virtualHost;
    }

    public String username() {
        return username;
    }

    /** The innermost message: the broker's or the socket's own words. */
    public String reason() {
        return Reasons.of(getCause());
    }
}
