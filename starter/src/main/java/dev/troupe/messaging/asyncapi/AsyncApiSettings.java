package dev.troupe.messaging.asyncapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled     whether the process makes its AsyncAPI document, and serves it at GET /asyncapi.json
 *                    where it is a Spring MVC application
 * @param title       the document's title; unset, spring.application.name, else "application"
 * @param version     the document's version; unset, the build's (META-INF/build-info.properties), else "unversioned"
 * @param description the document's description; unset, one saying what the document lists
 */
@ConfigurationProperties("troupe.messaging.asyncapi")
public record AsyncApiSettings(
    @DefaultValue("true") boolean enabled,
    String title,
    String version,
    String description) {
}
