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
 * @param messages how many of the newest messages the live flow keeps for a page that opens later (what
 *                 a page shows: 300); with no page open, those this process publishes
 */
@ConfigurationProperties("troupe.console")
public record ConsoleSettings(URI apiUrl, @DefaultValue("2000") int traces, @DefaultValue("300") int messages) {
}
