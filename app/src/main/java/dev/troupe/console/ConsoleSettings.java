package dev.troupe.console;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's settings.
 *
 * @param apiUrl where the console's actions reach the services' APIs (users, coupons, the gateway,
 *               parked messages); unset, this process's own port, as in the all-in-one process
 */
@ConfigurationProperties("troupe.console")
public record ConsoleSettings(URI apiUrl) {
}
