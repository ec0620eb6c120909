package dev.troupe.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param usersUrl where clients reach the users service (say {@code http://users.example:8082}), for the
 *                 {@code Location} of a user created with {@code Prefer: wait}; unset, the Location is
 *                 {@code /users/{id}} when the users service runs in the gateway's process, and absent otherwise
 *                 (the request's status, at {@code Content-Location}, still names the user)
 */
@ConfigurationProperties("troupe.gateway")
public record GatewaySettings(String usersUrl) {
}
