package dev.troupe.shop;

import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.api.RoutedEvent;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;

/** An event of a domain that is not Troupe's: the starter knows it only through its route. */
@Route(exchange = Shop.EXCHANGE, key = "parcel_shipped")
public record ParcelShipped(UUID eventId, @NotBlank String parcel) implements RoutedEvent {

    @Override
    public String orderingKey() {
        return "parcel-" + parcel;
    }
}
