package dev.troupe.scenario;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import dev.troupe.harness.RabbitCluster;
import dev.troupe.harness.RealServers;
import java.io.IOException;
import dev.troupe.harness.TcpProxy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One flow's RabbitMQ and PostgreSQL: this machine's, in a virtual host and a schema of its own
 * (dropped at the end), which the services reach only through proxies in the runner, so that a
 * scenario can cut them off while everyone else's connections stay. The runner itself reads them
 * directly, to count. Or, for a scenario that kills a broker node, a three-node RabbitMQ cluster of
 * the flow's own, which the services reach directly, on quorum queues.
 */
final class Servers implements AutoCloseable {

    private static final Pattern POSTGRES = Pattern.compile("//([^:/]+)(?::(\\d+))?/");

    final RealServers real;
    final TcpProxy broker;
    final TcpProxy database;
    /** The flow's own RabbitMQ cluster, or null on this machine's node. */
    final RabbitCluster cluster;

    /** @param cluster where to keep a RabbitMQ cluster of the flow's own, or null for this machine's node */
    Servers(String run, Path cluster) {
        this.real = new RealServers("scenario", run);
        RabbitCluster started = null;
        try {
            if (cluster != null) {
                started = new RabbitCluster(cluster, run.replaceAll("[^a-z0-9]", ""));
            }
            this.cluster = started;
            Matcher postgres = POSTGRES.matcher(real.postgresUrl);
            if (!postgres.find()) {
                throw new IllegalStateException("cannot read host and port from " + real.postgresUrl);
            }
            this.broker = new TcpProxy(address(real.rabbitHost), real.rabbitPort);
            this.database = new TcpProxy(address(postgres.group(1)),
                postgres.group(2) == null ? 5432 : Integer.parseInt(postgres.group(2)));
        } catch (RuntimeException e) {
            if (started != null) {
                started.close();
            }
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
        if (cluster != null) {
            properties.addAll(List.of("--spring.rabbitmq.addresses=" + cluster.addresses(),
                "--troupe.messaging.queue-type=quorum"));
        }
        for (String property : real.properties()) {
            if (cluster != null && property.startsWith("--spring.rabbitmq.")) {
                if (property.startsWith("--spring.rabbitmq.username=") || property.startsWith("--spring.rabbitmq.password=")) {
                    properties.add(property);
                }
            } else if (property.startsWith("--spring.rabbitmq.host=")) {
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

    /** A connection straight to the flow's virtual host (or to a cluster node that is up), for the runner. */
    com.rabbitmq.client.Connection amqp(String name) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        if (cluster == null) {
            factory.setHost(real.rabbitHost);
            factory.setPort(real.rabbitPort);
            factory.setVirtualHost(real.virtualHost);
            return factory.newConnection(name);
        }
        return factory.newConnection(cluster.nodes().stream().map(node -> new Address("127.0.0.1", node.port())).toList(),
            name);
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
        if (cluster != null) {
            cluster.close();
        }
        broker.close();
        database.close();
        real.close();
    }
}
