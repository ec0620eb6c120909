package dev.troupe.embedded;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * In-process stand-ins for the broker and the SMTP server, each used only where its standard
 * Spring Boot properties are unset. The database stand-in (H2 in a file) is the default
 * {@code spring.datasource.url} in application.properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedSettings.class)
@Import({EmbeddedBrokerConfiguration.class, MailCatcherConfiguration.class})
public class EmbeddedConfiguration {
}
