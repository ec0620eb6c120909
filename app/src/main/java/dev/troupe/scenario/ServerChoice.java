package dev.troupe.scenario;

import dev.troupe.harness.RealServers;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which servers a scenario runs on: RabbitMQ and PostgreSQL where the standard properties name them
 * (on the command line, {@code --spring.rabbitmq.host=…}; in the environment, {@code SPRING_RABBITMQ_HOST}
 * and so on; or Troupe's {@code TROUPE_RABBITMQ_HOST}, {@code TROUPE_POSTGRES_URL} …), else the embedded
 * broker and database, served by a process of the run's own.
 *
 * @param named the standard properties named, by their property names
 */
record ServerChoice(Map<String, String> named) {

    static final String RABBIT_HOST = "spring.rabbitmq.host";
    static final String RABBIT_PORT = "spring.rabbitmq.port";
    static final String DATABASE_URL = "spring.datasource.url";
    static final String DATABASE_USER = "spring.datasource.username";
    /** The properties a scenario takes, each with Troupe's older variable for it. */
    static final Map<String, String> PROPERTIES = Map.of(RABBIT_HOST, "TROUPE_RABBITMQ_HOST",
        RABBIT_PORT, "TROUPE_RABBITMQ_PORT", DATABASE_URL, "TROUPE_POSTGRES_URL", DATABASE_USER, "TROUPE_POSTGRES_USER");

    /** The command line's properties, over the environment's standard variables, over Troupe's. */
    static ServerChoice of(Map<String, String> given, Map<String, String> environment) {
        Map<String, String> named = new LinkedHashMap<>();
        PROPERTIES.forEach((property, troupe) -> {
            for (String value : new String[] {given.get(property), environment.get(environmentName(property)),
                environment.get(troupe)}) {
                if (value != null && !value.isBlank()) {
                    named.put(property, value.strip());
                    return;
                }
            }
        });
        if (named.containsKey(RABBIT_PORT)) {
            port(named.get(RABBIT_PORT));
        }
        return new ServerChoice(Map.copyOf(named));
    }

    /** A property's name as Spring Boot reads it from the environment: spring.rabbitmq.host is SPRING_RABBITMQ_HOST. */
    static String environmentName(String property) {
        return property.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Whether the run uses real servers: RabbitMQ or PostgreSQL named (the other then this machine's). */
    boolean real() {
        return named.containsKey(RABBIT_HOST) || named.containsKey(DATABASE_URL);
    }

    /** Creates a schema and a virtual host of the run's own on the real servers named, 127.0.0.1's for one not named. */
    RealServers realServers(String run) {
        return new RealServers("scenario", run, named.getOrDefault(RABBIT_HOST, "127.0.0.1"),
            port(named.getOrDefault(RABBIT_PORT, "5672")),
            named.getOrDefault(DATABASE_URL, "jdbc:postgresql://127.0.0.1:5432/test"),
            named.getOrDefault(DATABASE_USER, "postgres"));
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("spring.rabbitmq.port is a port (1 to 65535), not '" + text + "'");
    }
}
