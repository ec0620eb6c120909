package dev.troupe.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.TroupeApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application with one bad setting and reads what the console says. */
@ExtendWith(OutputCaptureExtension.class)
abstract class StartupFailures {

    static String failedStart(CapturedOutput output, String... properties) {
        assertThatThrownBy(() -> start(properties).close()).isInstanceOf(Exception.class);
        return output.getAll();
    }

    static ConfigurableApplicationContext start(String... properties) {
        Map<String, String> all = new LinkedHashMap<>();
        Stream.concat(Stream.of(
                "server.port=0",
                "troupe.embedded.data-dir=./target/it-data/" + UUID.randomUUID(),
                // each failure within seconds, not the drivers' default minute
                "spring.datasource.hikari.connection-timeout=2000",
                "spring.rabbitmq.connection-timeout=2s",
                "spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "spring.mail.properties.mail.smtp.timeout=2000"), Stream.of(properties))
            .map(property -> property.split("=", 2))
            .forEach(pair -> all.put(pair[0], pair[1]));
        // as command-line arguments (each once: a repeated one would be joined with a comma), because
        // builder properties are only defaults, below application.properties' own H2 URL
        return new SpringApplicationBuilder(TroupeApplication.class)
            .run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    static void assertAnalysed(String console, String... expected) {
        assertThat(console).contains("APPLICATION FAILED TO START", "Description:", "Action:").contains(expected);
        // the analysis replaces the stack trace: not a single frame on the console
        assertThat(console).doesNotContainPattern("(?m)^\\tat ");
    }
}
