package dev.troupe.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test that only the real servers can answer (PostgreSQL's own behaviour, RabbitMQ's quorum
 * queues, a refused login): it runs in the real-servers execution only ({@link ServerSet}), on this
 * machine's RabbitMQ and PostgreSQL and a real SMTP server socket, through the standard Spring Boot
 * properties. {@code TROUPE_REAL_SERVERS=true} (.ci/run sets it) switches that execution on; the
 * addresses can be changed with {@code TROUPE_RABBITMQ_HOST}, {@code TROUPE_POSTGRES_URL} and
 * {@code TROUPE_POSTGRES_USER}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnabledIfSystemProperty(named = ServerSet.PROPERTY, matches = ServerSet.REAL)
@ContextConfiguration(initializers = RealServers.Initializer.class)
public @interface RealServers {

    /** The environment variable that switches the real-servers execution on, and the tests that run in processes of their own. */
    String SWITCH = "TROUPE_REAL_SERVERS";

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        public static String rabbitHost() {
            return env("TROUPE_RABBITMQ_HOST", "127.0.0.1");
        }

        public static String postgresUrl() {
            return env("TROUPE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        }

        public static String postgresUser() {
            return env("TROUPE_POSTGRES_USER", "postgres");
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                "spring.rabbitmq.host=" + rabbitHost(),
                "spring.rabbitmq.port=5672",
                "spring.rabbitmq.username=guest",
                "spring.rabbitmq.password=guest",
                "spring.datasource.url=" + postgresUrl(),
                "spring.datasource.username=" + postgresUser()
            ).applyTo(context);
            // a test with an SMTP server of its own (EnvelopeSmtp) has named it already
            if (!context.getEnvironment().containsProperty("spring.mail.host")) {
                TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + TestSmtp.server().port())
                    .applyTo(context);
            }
        }
    }
}
