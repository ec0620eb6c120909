package dev.troupe.startup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The start-up checks of real servers.
 *
 * @param checkBroker whether the start waits for a real RabbitMQ at all; off for a process that should
 *                    come up without its broker (a gateway that answers 503 until the broker is back)
 * @param brokerWait how long the start waits for a real RabbitMQ to accept a connection before giving
 *                   up: long enough for a broker started at the same time (docker compose), short
 *                   enough that a wrong address is reported at once rather than logged forever
 */
@ConfigurationProperties("troupe.startup")
public record StartupSettings(@DefaultValue("true") boolean checkBroker, @DefaultValue("5s") Duration brokerWait) {
}
