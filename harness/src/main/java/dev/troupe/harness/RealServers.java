package dev.troupe.harness;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * This machine's RabbitMQ and PostgreSQL, in a virtual host and a schema of the run's own, so a
 * run neither reads nor leaves anything of anyone else's. Addresses from the standard variables
 * TROUPE_RABBITMQ_HOST and TROUPE_POSTGRES_URL / TROUPE_POSTGRES_USER, else 127.0.0.1's.
 */
public final class RealServers implements AutoCloseable {

    public final String rabbitHost;
    public final int rabbitPort;
    public final String postgresUrl;
    public final String postgresUser;
    public final String schema;
    public final String virtualHost;

    /**
     * Creates the schema {@code <purpose>_<run>} and the virtual host {@code troupe_<purpose>_<run>}.
     *
     * @param purpose what the run is ({@code bench}, {@code scenario}): lower-case letters
     * @param run     a few lower-case letters and digits of the run's own
     */
    public RealServers(String purpose, String run) {
        this(purpose, run, env("TROUPE_RABBITMQ_HOST", "127.0.0.1"), Integer.parseInt(env("TROUPE_RABBITMQ_PORT", "5672")),
            env("TROUPE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"), env("TROUPE_POSTGRES_USER", "postgres"));
    }

    /** The same, on the RabbitMQ and PostgreSQL named. */
    public RealServers(String purpose, String run, String rabbitHost, int rabbitPort, String postgresUrl, String postgresUser) {
        this.rabbitHost = rabbitHost;
        this.rabbitPort = rabbitPort;
        this.postgresUrl = postgresUrl;
        this.postgresUser = postgresUser;
        this.schema = purpose + "_" + run;
        this.virtualHost = "troupe_" + purpose + "_" + run;
        brokerReachable();
        sql("CREATE SCHEMA " + schema);
        try {
            rabbitmqctl("add_vhost", virtualHost);
            rabbitmqctl("set_permissions", "-p", virtualHost, "guest", ".*", ".*", ".*");
        } catch (RuntimeException e) {
            close(); // nothing of the run left behind
            throw e;
        }
    }

    /** The standard Spring Boot properties, as arguments, that point a Troupe process here. */
    public List<String> properties() {
        return List.of("--spring.rabbitmq.host=" + rabbitHost, "--spring.rabbitmq.port=" + rabbitPort,
            "--spring.rabbitmq.username=guest",
            "--spring.rabbitmq.password=guest", "--spring.rabbitmq.virtual-host=" + virtualHost,
            "--spring.datasource.url=" + postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
            "--spring.datasource.username=" + postgresUser);
    }

    /** Fails with one line saying where RabbitMQ was looked for, before anything is created. */
    private void brokerReachable() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(rabbitHost, rabbitPort), 3000);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach RabbitMQ at " + rabbitHost + ":" + rabbitPort + " (" + e.getMessage()
                + "): start it, or point spring.rabbitmq.host and spring.rabbitmq.port (TROUPE_RABBITMQ_HOST and"
                + " TROUPE_RABBITMQ_PORT) at one");
        }
    }

    public void sql(String statement) {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + postgresUrl + ": " + e.getMessage()
                + " (start it, or point spring.datasource.url and spring.datasource.username (TROUPE_POSTGRES_URL and"
                + " TROUPE_POSTGRES_USER) at one)", e);
        }
    }

    /** A connection to the run's PostgreSQL (not into its schema: statements name it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(postgresUrl, postgresUser, "");
    }

    /** rabbitmqctl, which a virtual host needs; a clear message where it is missing. */
    public static void rabbitmqctl(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(arguments));
        try {
            Commands.run(new ProcessBuilder(command), "rabbitmqctl " + String.join(" ", arguments), 60);
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmqctl is needed on the PATH for a virtual host of the run's own", e);
        }
    }

    /** Drops the schema and deletes the virtual host, each tried whatever became of the other. */
    @Override
    public void close() {
        try {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } finally {
            try {
                rabbitmqctl("delete_vhost", virtualHost);
            } catch (IllegalStateException notThere) {
                // never added (a failed start), or already gone
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
