package dev.troupe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which services this process runs.
 *
 * @param services any of the services on the class path ({@link ServiceCatalog}); all of them when unset
 */
@ConfigurationProperties("troupe")
public record TroupeSettings(Set<String> services) {

    public TroupeSettings {
        List<String> known = ServiceCatalog.names();
        if (services == null || services.isEmpty()) {
            services = new LinkedHashSet<>(known);
        }
        List<String> unknown = new ArrayList<>(services);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("troupe.services names no such service " + unknown + "; the services are " + known);
        }
        services = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(services));
    }
}
