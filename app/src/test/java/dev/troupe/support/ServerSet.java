package dev.troupe.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The servers the integration tests run on, one set per Failsafe execution, chosen by the system
 * property {@code troupe.test.servers}: the embedded broker, H2 and mail catcher ({@code embedded},
 * the default), or this machine's RabbitMQ and PostgreSQL and a real SMTP socket ({@code real},
 * the real-servers execution that {@code TROUPE_REAL_SERVERS=true} switches on). Every test of a
 * guarantee is written once and runs on both sets.
 */
public class ServerSet implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "troupe.test.servers";
    public static final String REAL = "real";

    public static boolean real() {
        return REAL.equals(System.getProperty(PROPERTY));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (real()) {
            new RealServers.Initializer().initialize(context);
        }
    }
}
