package dev.troupe.messaging.asyncapi.internal;

import dev.troupe.messaging.asyncapi.AsyncApiDocument;
import dev.troupe.messaging.asyncapi.AsyncApiSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process's AsyncAPI document ({@link AsyncApiDocument}), and {@code GET /asyncapi.json} where
 * the application is a Spring MVC one; {@code troupe.messaging.asyncapi.enabled=false}: neither.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "troupe.messaging.asyncapi.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AsyncApiSettings.class)
public class AsyncApiAutoConfiguration {

    static final String DESCRIPTION = "What this process sends and receives over AMQP 0-9-1, generated from its code:"
        + " its subscribers and listeners with their queues, the exchanges, queues and bindings it declares, what it"
        + " publishes and asks, and each message's payload as JSON Schema.";

    /** Titled and versioned as configured, else by the application's name and its build. */
    @Bean
    @ConditionalOnMissingBean
    AsyncApiDocument asyncApiDocument(ConfigurableApplicationContext context, JsonMapper json, AsyncApiSettings settings,
                                      ObjectProvider<BuildProperties> build) {
        String title = firstSet(settings.title(), context.getEnvironment().getProperty("spring.application.name"),
            "application");
        BuildProperties built = build.getIfAvailable();
        String version = firstSet(settings.version(), built == null ? null : built.getVersion(), "unversioned");
        return new GeneratedAsyncApiDocument(context, json, title, version, firstSet(settings.description(), DESCRIPTION));
    }

    private static String firstSet(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no value set");
    }

    /** The document over HTTP, in a servlet application with Spring MVC's functional routes. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(RouterFunction.class)
    static class Endpoint {

        @Bean
        @ConditionalOnMissingBean
        AsyncApiEndpoint asyncApiEndpoint(AsyncApiDocument document) {
            return new AsyncApiEndpoint(document);
        }
    }
}
