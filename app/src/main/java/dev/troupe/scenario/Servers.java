package dev.troupe.scenario;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import dev.troupe.embedded.EmbeddedServers;
import dev.troupe.harness.RabbitCluster;
import dev.troupe.harness.RealServers;
import dev.troupe.harness.TcpProxy;
import java.io.IOException;
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
 * One flow's broker and database, which the services reach only through proxies in the runner, so
 * that a scenario can cut them off while everyone else's connections stay; the runner itself reads
 * them directly, to count. Either the real RabbitMQ and PostgreSQL named (in a virtual host and a
 * schema of the flow's own, dropped at the end) or, where none is named, the embedded broker and
 * database served by a process of the flow's own. Or, for a scenario that kills a broker node, a
 * three-node RabbitMQ cluster of the flow's own, which the services reach directly, on quorum queues.
 */
final class Servers implements AutoCloseable {

    private static final Pattern POSTGRES = Pattern.compile("//([^:/]+)(?::(\\d+))?/");

    /** The real servers, or null on the embedded ones. */
    private final RealServers real;
    /** The embedded servers' process, or null on the real ones. */
    private final EmbeddedHost embedded;
    final TcpProxy broker;
    final TcpProxy database;
    /** The flow's own RabbitMQ cluster, or null. */
    final RabbitCluster cluster;

    /**
     * @param run     a few lower-case letters, digits and underscores of the flow's own
     * @param work    the flow's work folder
     * @param cluster where to keep a RabbitMQ cluster of the flow's own, or null
     */
    Servers(String run, ServerChoice choice, Launch launch, Path work, Path cluster) throws IOException {
        RealServers realServers = null;
        EmbeddedHost host = null;
        RabbitCluster started = null;
        try {
            if (choice.real()) {
                realServers = choice.realServers(run);
            } else {
                host = EmbeddedHost.start(launch, work);
            }
            if (cluster != null) {
                started = new RabbitCluster(cluster, run.replaceAll("[^a-z0-9]", ""));
            }
            this.real = realServers;
            this.embedded = host;
            this.cluster = started;
            if (realServers != null) {
                Matcher postgres = postgres(realServers.postgresUrl);
                this.broker = new TcpProxy(address(realServers.rabbitHost), realServers.rabbitPort);
                this.database = new TcpProxy(address(postgres.group(1)),
                    postgres.group(2) == null ? 5432 : Integer.parseInt(postgres.group(2)));
            } else {
                this.broker = new TcpProxy(InetAddress.getLoopbackAddress(), host.brokerPort);
                this.database = new TcpProxy(InetAddress.getLoopbackAddress(), host.databasePort);
            }
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable made : new AutoCloseable[] {started, host, realServers}) {
                closeQuietly(made, e); // nothing of the flow left behind
            }
            throw e;
        }
    }

    private static Matcher postgres(String url) {
        Matcher postgres = POSTGRES.matcher(url);
        if (!postgres.find()) {
            throw new IllegalStateException("cannot read host and port from " + url);
        }
        return postgres;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unknown host " + host, e);
        }
    }

    /** Which servers, for the start of a flow. */
    String describe() {
        String where = real != null ? "RabbitMQ " + real.rabbitHost + ":" + real.rabbitPort + " (virtual host "
            + real.virtualHost + "), PostgreSQL " + real.postgresUrl + " (schema " + real.schema + ")" : embedded.toString();
        return cluster == null ? where : where + "; a RabbitMQ cluster of its own at " + cluster.addresses();
    }

    /** The standard properties for a service, with the broker and the database behind the proxies. */
    List<String> properties() {
        List<String> properties = new ArrayList<>(List.of("--spring.rabbitmq.username=guest", "--spring.rabbitmq.password=guest"));
        if (cluster != null) {
            properties.addAll(List.of("--spring.rabbitmq.addresses=" + cluster.addresses(),
                "--troupe.messaging.queue-type=quorum"));
        } else {
            properties.addAll(List.of("--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=" + broker.port()));
            if (real != null) {
                properties.add("--spring.rabbitmq.virtual-host=" + real.virtualHost);
            }
        }
        if (real != null) {
            String url = POSTGRES.matcher(real.postgresUrl).replaceFirst("//127.0.0.1:" + database.port() + "/");
            properties.addAll(List.of("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema="
                + real.schema, "--spring.datasource.username=" + real.postgresUser));
        } else {
            properties.addAll(List.of("--spring.datasource.url=" + EmbeddedServers.jdbcUrl(database.port()),
                "--spring.datasource.username=" + EmbeddedServers.DATABASE_USER, "--spring.datasource.password=" + embedded.password));
        }
        return properties;
    }

    /** A connection straight to the flow's broker (or to a cluster node that is up), for the runner. */
    com.rabbitmq.client.Connection amqp(String name) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        if (cluster != null) {
            return factory.newConnection(cluster.nodes().stream().map(node -> new Address("127.0.0.1", node.port())).toList(),
                name);
        }
        if (real != null) {
            factory.setHost(real.rabbitHost);
            factory.setPort(real.rabbitPort);
            factory.setVirtualHost(real.virtualHost);
        } else {
            factory.setHost("127.0.0.1");
            factory.setPort(embedded.brokerPort);
        }
        return factory.newConnection(name);
    }

    /** Something to do with each row of a query. */
    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs a query with {@code %s} standing for the flow's schema, straight to the database. */
    void query(String sql, Row each) throws SQLException {
        try (Connection connection = real != null ? real.connect() : embedded.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql.formatted(real != null ? real.schema : "public"))) {
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

    private static void closeQuietly(AutoCloseable closeable, Exception failure) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
        broker.close();
        database.close();
        if (real != null) {
            real.close();
        } else {
            embedded.close();
        }
    }
}
