package dev.troupe.messaging.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;

/** Where the machinery's metrics go: the application's registry, or without one (no actuator) Micrometer's global one. */
public final class Meters {

    private Meters() {
    }

    public static MeterRegistry of(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(() -> Metrics.globalRegistry);
    }
}
