package dev.troupe.shop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The servers a test runs on, chosen by the system property {@code troupe.test.servers}: the
 * embedded broker and H2 ({@code embedded}, the default), or this machine's RabbitMQ and
 * PostgreSQL ({@code real}; the parent build's real-servers execution sets it), where the test
 * gets a PostgreSQL schema of its own, dropped by {@link #dropSchema()}.
 */
public class ServerSet implements ApplicationContextInitializer<ConfigurableApplicationContext>, org.springframework.core.Ordered {

    static final String PROPERTY = "troupe.test.servers";
    private static final String POSTGRES = env("TROUPE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String POSTGRES_USER = env("TROUPE_POSTGRES_USER", "postgres");
    private static final String SCHEMA = "shop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static boolean real() {
        return "real".equals(System.getProperty(PROPERTY, "embedded"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (real()) {
            execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            TestPropertyValues.of(
                "spring.rabbitmq.host=" + env("TROUPE_RABBITMQ_HOST", "127.0.0.1"),
                "spring.rabbitmq.username=guest",
                "spring.rabbitmq.password=guest",
                "spring.datasource.url=" + POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "spring.datasource.username=" + POSTGRES_USER).applyTo(context);
        } else {
            String folder = "./target/it-data/" + UUID.randomUUID();
            TestPropertyValues.of(
                "troupe.embedded.data-dir=" + folder,
                "troupe.embedded.broker-port=0",
                "spring.datasource.url=jdbc:h2:file:" + folder + "/shop;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH").applyTo(context);
        }
    }

    /** Before the embedded module's data-folder lock, which claims the folder chosen here. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    static void dropSchema() {
        if (real()) {
            execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
