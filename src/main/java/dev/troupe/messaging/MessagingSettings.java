package dev.troupe.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confirmTimeout how long a publisher waits for the broker's confirm before failing
 */
@ConfigurationProperties("troupe.messaging")
public record MessagingSettings(@DefaultValue("5s") Duration confirmTimeout) {
}
