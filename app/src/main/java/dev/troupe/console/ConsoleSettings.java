package dev.troupe.console;

import java.net.URI;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's settings.
 *
 * @param apiUrl where the console's actions reach the services' APIs (users, coupons, the gateway,
 *               parked messages); unset, this process's own port, as in the all-in-one process
 * @param traces how many of the newest traces the trace view keeps in memory
 */
@ConfigurationProperties("troupe.console")
public record ConsoleSettings(URI apiUrl, @DefaultValue("2000") int traces) {
}
