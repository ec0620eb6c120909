package dev.troupe.scenario;

import com.rabbitmq.client.ConnectionFactory;
import dev.troupe.harness.RealServers;
import dev.troupe.harness.TcpProxy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One flow's RabbitMQ and PostgreSQL: this machine's, in a virtual host and a schema of its own
 * (dropped at the end), which the services reach only through proxies in the runner, so that a
 * scenario can cut them off while everyone else's connections stay. The runner itself reads them
 * directly, to count.
 */
final class Servers implements AutoCloseable {

    private static final Pattern POSTGRES = Pattern.compile("//([^:/]+)(?::(\\d+))?/");

    final RealServers real;
    final TcpProxy broker;
    final TcpProxy database;

    Servers(String run) {
        this.real = new RealServers("scenario", run);
        try {
            Matcher postgres = POSTGRES.matcher(real.postgresUrl);
            if (!postgres.find()) {
                throw new IllegalStateException("cannot read host and port from " + real.postgresUrl);
            }
            this.broker = new TcpProxy(address(real.rabbitHost), real.rabbitPort);
            this.database = new TcpProxy(address(postgres.group(1)),
                postgres.group(2) == null ? 5432 : Integer.parseInt(postgres.group(2)));
        } catch (RuntimeException e) {
            real.close();
            throw e;
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unknown host " + host, e);
        }
    }

    /** The standard properties for a service, with the broker and the database behind the proxies. */
    List<String> properties() {
        List<String> properties = new ArrayList<>();
        for (String property : real.properties()) {
            if (property.startsWith("--spring.rabbitmq.host=")) {
                properties.add("--spring.rabbitmq.host=127.0.0.1");
                properties.add("--spring.rabbitmq.port=" + broker.port());
            } else if (property.startsWith("--spring.datasource.url=")) {
                properties.add(POSTGRES.matcher(property).replaceFirst("//127.0.0.1:" + database.port() + "/"));
            } else if (!property.startsWith("--spring.rabbitmq.port=")) {
                properties.add(property);
            }
        }
        return properties;
    }

    /** Connections straight to the flow's virtual host, for the runner. */
    ConnectionFactory amqp() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(real.rabbitHost);
        factory.setPort(real.rabbitPort);
        factory.setVirtualHost(real.virtualHost);
        return factory;
    }

    /** Something to do with each row of a query. */
    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs a query with {@code %s} standing for the flow's schema, straight to the database. */
    void query(String sql, Row each) throws SQLException {
        try (Connection connection = real.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql.formatted(real.schema))) {
            while (rows.next()) {
                each.read(rows);
            }
        }
    }

    /** A count ({@code SELECT count(*) FROM %s.…}). */
    long count(String sql) throws SQLException {
        long[] count = new long[1];
        query(sql, row -> count[0] = row.getLong(1));
        return count[0];
    }

    @Override
    public void close() {
        broker.close();
        database.close();
        real.close();
    }
}
