package dev.troupe.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token bearer token of the admin API; unset, the admin API answers only local requests
 */
@ConfigurationProperties("troupe.admin")
public record OperationsSettings(String token) {
}
