package dev.troupe.badshop;

import dev.troupe.embedded.EmbeddedBrokerConfiguration;
import dev.troupe.embedded.EmbeddedSettings;
import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/** An application whose one subscriber has a handler that cannot be called: its start must stop, naming it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(EmbeddedSettings.class)
@Import(EmbeddedBrokerConfiguration.class)
@ComponentScan
public class BadShop {

    /** Takes a String where an event record with a @Route belongs. */
    @Subscriber(name = "refunds", queue = "bad_shop_refunds")
    public static class Refunds {

        @Handler
        void refund(String parcel) {
        }
    }
}
