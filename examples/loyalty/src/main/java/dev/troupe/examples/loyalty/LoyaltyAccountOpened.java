package dev.troupe.examples.loyalty;

import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.api.RoutedEvent;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * Our own event, on our own exchange: Troupe's {@code event_exchange} is Troupe's contract, not a place
 * for other teams' events. It travels in this application's JSON, Spring Boot's default camelCase
 * ({@code userId}, {@code openedAt}), unlike Troupe's records, which name their snake_case themselves.
 * One event per account and nothing after it, so it needs no ordering key.
 */
@Route(exchange = LoyaltyAccountOpened.EXCHANGE, key = LoyaltyAccountOpened.KEY)
public record LoyaltyAccountOpened(@NotNull UUID eventId, @NotNull UUID userId, int points, @NotNull Instant openedAt)
    implements RoutedEvent {

    public static final String EXCHANGE = "loyalty_events";
    public static final String KEY = "loyalty_account_opened";
}
