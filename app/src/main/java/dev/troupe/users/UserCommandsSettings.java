package dev.troupe.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The user-commands service's settings.
 *
 * @param usersUrl where the seed's flow ({@code troupe.flow=naive}) finds the users service's HTTP API,
 *                 as the seed's create_user consumer called it; unset, this process's own port
 *                 (the users service running beside it)
 */
@ConfigurationProperties("troupe.user-commands")
public record UserCommandsSettings(String usersUrl) {
}
