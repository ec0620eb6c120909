package dev.troupe.console;

import dev.troupe.RootPage;
import dev.troupe.TroupeService;
import dev.troupe.web.AdminAccess;
import dev.troupe.console.amqp.FlowHistory;
import dev.troupe.console.amqp.MessageTap;
import dev.troupe.console.amqp.SentMessages;
import dev.troupe.console.amqp.ConsumerSwitch;
import dev.troupe.console.web.ApiPassage;
import dev.troupe.console.web.ConsoleAdminController;
import dev.troupe.console.web.ConsoleController;
import dev.troupe.console.web.ConsoleFeed;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console: one page at {@code /} that shows the choreography as it runs. A service like the
 * others, so it runs in the all-in-one process, or alone beside the services
 * ({@code --troupe.services=console}), or not at all.
 */
@TroupeService(name = ConsoleConfiguration.NAME)
@EnableConfigurationProperties(ConsoleSettings.class)
public class ConsoleConfiguration {

    /** Its name in {@code troupe.services}. */
    public static final String NAME = "console";

    @Bean
    Owners consoleOwners(org.springframework.context.ConfigurableApplicationContext context) {
        return new Owners(context);
    }

    @Bean
    SystemMap systemMap(ApplicationContext context, ObjectProvider<AmqpAdmin> admin, Owners consoleOwners) {
        return new SystemMap(context, admin, consoleOwners);
    }

    @Bean
    OutboxWatch outboxWatch(MeterRegistry meters) {
        return new OutboxWatch(meters);
    }

    /** The live flow's last messages, for a page that opens after they went (a {@code curl} before any page). */
    @Bean
    FlowHistory flowHistory(ConsoleSettings settings, SystemMap systemMap, JsonMapper json) {
        return new FlowHistory(settings.messages(), systemMap::routes, json);
    }

    /**
     * This process's own publishes into the history, while no tap runs: through every template,
     * Boot's (the relay's events, the gateway's commands) and the one request/reply runs on (the
     * gateway's {@code Prefer: wait} commands). Static, and the history resolved at the first send,
     * so that no bean is made early for it.
     */
    @Bean
    static BeanPostProcessor sentMessagesKept(ObjectProvider<FlowHistory> flowHistory) {
        SentMessages sent = new SentMessages(flowHistory::getObject);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RabbitTemplate template) {
                    sent.watch(template);
                } else if (bean instanceof AsyncRabbitTemplate async) {
                    sent.watch(async.getRabbitTemplate());
                }
                return bean;
            }
        };
    }

    @Bean
    MessageTap messageTap(ConnectionFactory connections, SystemMap systemMap, JsonMapper json, FlowHistory flowHistory) {
        // the client factory behind Spring's caching one: its address, login and socket settings, none of its caching
        return new MessageTap(((org.springframework.amqp.rabbit.connection.AbstractConnectionFactory) connections)
            .getRabbitConnectionFactory(), systemMap::routes, json, flowHistory);
    }

    @Bean
    ConsoleFeed consoleFeed(SystemMap systemMap, OutboxWatch outboxWatch, MessageTap messageTap) {
        return new ConsoleFeed(systemMap, outboxWatch, messageTap);
    }

    /** Finished spans for the trace view: an exporter the tracer's batch processor feeds, beside OTLP where configured. */
    @Bean
    TraceStore traceStore(ConsoleSettings settings) {
        return new TraceStore(settings.traces());
    }

    @Bean
    ConsoleController consoleController(SystemMap systemMap, OutboxWatch outboxWatch, MessageTap messageTap,
                                        ConsoleFeed consoleFeed, AdminAccess adminAccess, TraceStore traceStore) {
        return new ConsoleController(systemMap, outboxWatch, messageTap, consoleFeed, adminAccess, traceStore);
    }

    @Bean
    ApiPassage apiPassage(ConsoleSettings settings, Environment environment) {
        // this process's port is known only once its server runs: read at each pass
        return new ApiPassage(() -> settings.apiUrl() != null ? settings.apiUrl()
            : URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")),
            environment.getProperty("troupe.admin.token"));
    }

    @Bean
    ConsumerSwitch consumerSwitch(RabbitListenerEndpointRegistry registry, Owners consoleOwners) {
        return new ConsumerSwitch(registry, consoleOwners);
    }

    @Bean
    ScenarioRunner scenarioRunner() {
        return new ScenarioRunner(dev.troupe.scenario.Launch.ofThisProcess());
    }

    @Bean
    ConsoleAdminController consoleAdminController(ConsumerSwitch consumerSwitch, ScenarioRunner scenarioRunner) {
        return new ConsoleAdminController(consumerSwitch, scenarioRunner);
    }

    /** The page itself, read once: static, it asks the APIs for everything it shows. */
    @Bean
    RootPage consolePage() {
        try {
            String html = new ClassPathResource("static/console/index.html").getContentAsString(StandardCharsets.UTF_8);
            return () -> html;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
