package dev.troupe.schema;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the Java migrations to Spring Boot's Flyway, which runs them in version order with the SQL ones. */
@Configuration(proxyBeanMethods = false)
public class SchemaConfiguration {

    @Bean
    UuidUserIds uuidUserIds() {
        return new UuidUserIds();
    }
}
