package dev.troupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The services are found from their configurations, not listed: what troupe.services accepts follows. */
class ServiceCatalogTest {

    @Test
    void everyServiceConfigurationOnTheClassPathIsAService() {
        assertThat(ServiceCatalog.names()).containsExactly("console", "coupons", "gateway", "mailer", "user-commands", "users");
    }

    @Test
    void unsetMeansEveryServiceAndAnUnknownNameIsRefusedWithTheKnownOnes() {
        assertThat(new TroupeSettings(null).services()).containsExactlyElementsOf(ServiceCatalog.names());
        assertThat(new TroupeSettings(Set.of("users")).services()).containsExactly("users");
        assertThatThrownBy(() -> new TroupeSettings(Set.of("users", "mailr")))
            .hasMessage("troupe.services names no such service [mailr]; the services are "
                + "[console, coupons, gateway, mailer, user-commands, users]");
    }
}
