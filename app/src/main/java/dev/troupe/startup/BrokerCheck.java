package dev.troupe.startup;

import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpAuthenticationException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;

/**
 * Opens one connection to the real RabbitMQ while the context starts. Without it the application
 * starts on an unreachable or misconfigured broker and its listener containers log connection
 * errors forever; with it the start ends with a {@link BrokerCheckException}, which
 * {@link BrokerFailureAnalyzer} turns into a short message.
 */
class BrokerCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(BrokerCheck.class);
    // doubling pauses: a broker that is just starting is caught soon, a dead address is not hammered
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(2);

    private final ConnectionFactory connections;
    private final RabbitConnectionDetails details;
    private final Duration wait;

    BrokerCheck(ConnectionFactory connections, RabbitConnectionDetails details, Duration wait) {
        this.connections = connections;
        this.details = details;
        this.wait = wait;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            // the caching factory keeps the connection open for the listeners: closing the proxy closes nothing
            try (Connection connection = connections.createConnection()) {
                return;
            } catch (AmqpAuthenticationException e) {
                // a wrong password stays wrong: no point in retrying
                throw new BrokerCheckException(BrokerCheckException.Problem.LOGIN_REFUSED, addresses(), details, e);
            } catch (AmqpException e) {
                // a broker started together with the application may need a few seconds to listen
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    throw new BrokerCheckException(BrokerCheckException.Problem.UNREACHABLE, addresses(), details, e);
                }
                if (pause.equals(FIRST_PAUSE)) {
                    log.info("RabbitMQ at {} not reachable yet ({}); trying again for up to {}",
                        addresses(), Reasons.of(e), wait.toString().substring(2).toLowerCase());
                }
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private String addresses() {
        return details.getAddresses().stream().map(a -> a.host() + ":" + a.port()).collect(Collectors.joining(", "));
    }
}
