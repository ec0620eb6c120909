package dev.troupe.shop;

import dev.troupe.embedded.EmbeddedBrokerConfiguration;
import dev.troupe.embedded.EmbeddedSettings;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An application of another domain on the starter: its auto-configuration, one subscriber with a table
 * of its own, no migrations. The embedded broker stands in where no RabbitMQ is configured. Its
 * subscriber is a component, found by the scan as a user's would be: no bean method for it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
@EnableConfigurationProperties(EmbeddedSettings.class)
@Import(EmbeddedBrokerConfiguration.class)
public class Shop {

    public static final String EXCHANGE = "shop_events";

    @Bean
    DispatchLog dispatchLog(JdbcClient jdbc) {
        return new DispatchLog(jdbc);
    }
}
