package dev.troupe.console;

import dev.troupe.RootPage;
import dev.troupe.TroupeService;
import dev.troupe.console.amqp.MessageTap;
import dev.troupe.console.web.ConsoleController;
import dev.troupe.console.web.ConsoleFeed;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
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
public class ConsoleConfiguration {

    /** Its name in {@code troupe.services}. */
    public static final String NAME = "console";

    @Bean
    Owners consoleOwners(org.springframework.context.ConfigurableApplicationContext context) {
        return new Owners(context);
    }

    @Bean
    SystemMap systemMap(ApplicationContext context, AmqpAdmin admin, Owners consoleOwners) {
        return new SystemMap(context, admin, consoleOwners);
    }

    @Bean
    OutboxWatch outboxWatch(MeterRegistry meters) {
        return new OutboxWatch(meters);
    }

    @Bean
    MessageTap messageTap(ConnectionFactory connections, SystemMap systemMap, JsonMapper json) {
        return new MessageTap(connections, systemMap::routes, json);
    }

    @Bean
    ConsoleFeed consoleFeed(SystemMap systemMap, OutboxWatch outboxWatch, MessageTap messageTap) {
        return new ConsoleFeed(systemMap, outboxWatch, messageTap);
    }

    @Bean
    ConsoleController consoleController(SystemMap systemMap, OutboxWatch outboxWatch, MessageTap messageTap,
                                        ConsoleFeed consoleFeed) {
        return new ConsoleController(systemMap, outboxWatch, messageTap, consoleFeed);
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
