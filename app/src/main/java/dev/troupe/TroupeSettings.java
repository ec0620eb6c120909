package dev.troupe;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which services this process runs.
 *
 * @param services any of {@value Services#ALL_NAMES}; all of them by default
 */
@ConfigurationProperties("troupe")
public record TroupeSettings(@DefaultValue({Services.GATEWAY, Services.USERS, Services.USER_COMMANDS, Services.MAILER, Services.COUPONS}) Set<String> services) {
}
