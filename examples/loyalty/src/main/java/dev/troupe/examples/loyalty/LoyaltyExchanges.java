package dev.troupe.examples.loyalty;

import org.springframework.amqp.core.DirectExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchange we publish to. The starter declares a route's exchange only where a subscriber of that
 * route runs, and nobody here subscribes to our own event: without this, the relay's rows for a missing
 * exchange would be refused round after round.
 */
@Configuration(proxyBeanMethods = false)
class LoyaltyExchanges {

    /** Durable, not auto-deleted: as the starter declares a route's exchange, so both declarations agree. */
    @Bean
    DirectExchange loyaltyEvents() {
        return new DirectExchange(LoyaltyAccountOpened.EXCHANGE, true, false);
    }
}
