package dev.troupe.schema;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the Java migrations to Spring Boot's Flyway, which runs them in version order with the SQL
 * ones, and mends parked messages from before an upgrade when they are replayed.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaConfiguration {

    @Bean
    UuidUserIds uuidUserIds() {
        return new UuidUserIds();
    }

    @Bean
    LegacyUserIdRewrite legacyUserIdRewrite(JdbcClient jdbc) {
        return new LegacyUserIdRewrite(jdbc);
    }
}
