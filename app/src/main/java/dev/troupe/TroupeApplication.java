package dev.troupe;

import dev.troupe.embedded.EmbeddedConfiguration;
import dev.troupe.embedded.EmbeddedServers;
import dev.troupe.operations.OperationsConfiguration;
import dev.troupe.scenario.ScenarioCommand;
import dev.troupe.schema.SchemaConfiguration;
import dev.troupe.startup.StartupChecksConfiguration;
import dev.troupe.topology.TopologyConfiguration;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import dev.troupe.web.WebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * Troupe in one jar. Each service is assembled by its own configuration, a {@link TroupeService}
 * found by the one scan here (for those and nothing else), switched on by {@code troupe.services},
 * so one process can run every service or just one. The parts every process shares are imported.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(TroupeSettings.class)
@ComponentScan(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(TroupeService.class))
@Import({
    EmbeddedConfiguration.class,
    SchemaConfiguration.class,
    StartupChecksConfiguration.class,
    TopologyConfiguration.class,
    OperationsConfiguration.class,
    WebConfiguration.class,
    StartupReport.class,
    HomePage.class
})
public class TroupeApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("scenario")) {
            // a command of its own, no context: it starts the services as processes of their own
            System.exit(ScenarioCommand.run(java.util.List.of(args).subList(1, args.length)));
        }
        if (args.length > 0 && args[0].equals("embedded-servers")) {
            // the embedded broker and database alone, for services in processes of their own
            System.exit(EmbeddedServers.run(java.util.List.of(args).subList(1, args.length)));
        }
        try {
            SpringApplication.run(TroupeApplication.class, args);
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // not a failure: AOT processing stops the run on purpose
        } catch (RuntimeException e) {
            // Already reported (failure analysis or stack trace), the context closed. A failure after the
            // listeners started (a taken HTTP port) leaves Spring AMQP's channel-closing pool threads idle,
            // non-daemon, for their 60 s keep-alive: without exiting here the JVM would linger that long.
            System.exit(1);
        }
    }
}
