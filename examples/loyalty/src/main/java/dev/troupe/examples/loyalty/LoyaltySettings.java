package dev.troupe.examples.loyalty;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The programme's one setting, {@code loyalty.welcome-points}: what a new account starts with.
 * Validated, so that a negative balance stops the start rather than reaching the accounts.
 */
@Validated
@ConfigurationProperties("loyalty")
public record LoyaltySettings(@DefaultValue("100") @PositiveOrZero int welcomePoints) {
}
