package dev.troupe.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.h2.tools.Server;

/**
 * {@code java -jar troupe.jar embedded-servers}: the embedded broker (Qpid, AMQP 0-9-1) and the
 * embedded database (H2, served over TCP) in a process of their own, for services that run one per
 * process with no RabbitMQ or PostgreSQL at hand; {@code troupe scenario} starts one per flow. Both
 * listen on 127.0.0.1 only. It prints the standard properties that point a service at them, then one
 * line {@code ready broker=<port> database=<port>}, and serves until it is stopped (SIGTERM, Ctrl-C).
 */
public final class EmbeddedServers {

    public static final String USAGE = """
        usage: java -jar troupe.jar embedded-servers [--broker-port 5672] [--database-port 9092] [--dir ./data-servers]
        Serves the embedded broker (AMQP 0-9-1) and database (H2 over TCP) on 127.0.0.1 until stopped;
        0 takes a free port, a port in use another free one.""";
    /** The database's name and the settings every client gives, as the single-process default does. */
    public static final String DATABASE = "troupe;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    public static final String DATABASE_USER = "sa";
    /**
     * The database's password, from this variable where set (a runner that restarts the servers on
     * the same folder gives the same one), else a new random one; printed with the properties.
     */
    public static final String PASSWORD_VARIABLE = "TROUPE_EMBEDDED_DATABASE_PASSWORD";

    private static final Set<String> OPTIONS = Set.of("broker-port", "database-port", "dir");

    private EmbeddedServers() {
    }

    /** The JDBC URL of the database an embedded-servers process serves on {@code port}. */
    public static String jdbcUrl(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** @param args what followed {@code embedded-servers} on the command line; returns the exit status */
    public static int run(List<String> args) {
        // no Spring context here to configure logging: Qpid would log every connection and operation
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
            .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("troupe embedded-servers: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (options == null) {
            System.out.println(USAGE);
            return 0;
        }
        try {
            serve(port(options, "broker-port", 5672), port(options, "database-port", 9092),
                Path.of(options.getOrDefault("dir", "./data-servers")));
            return 0;
        } catch (DataFolderInUseException e) {
            System.err.println("troupe embedded-servers: " + e.getMessage() + ": " + e.howToStop() + ", or give another --dir");
            return 1;
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            System.err.println("troupe embedded-servers: " + why.strip().replaceAll("\\s+", " "));
            return 1;
        }
    }

    private static void serve(int brokerPort, int databasePort, Path dir) throws IOException, SQLException, InterruptedException {
        // the same layout as a single process's data folder (broker/, the database's files), so the same
        // claim: a second one on the folder is refused in one line, before H2 or Derby would refuse it
        DataFolderLock lock = DataFolderLock.claim(dir);
        // H2's TCP server listens on every interface unless told; it refuses others' connections, but 127.0.0.1 is all it needs
        System.setProperty("h2.bindAddress", "127.0.0.1");
        EmbeddedBroker broker = new EmbeddedBroker(FreePort.preferring(brokerPort), dir.resolve("broker"));
        String password = password();
        Path databaseDir = dir.resolve("database").toAbsolutePath();
        create(databaseDir, password);
        // no -ifNotExists: the server serves the one database made above, with its password, and creates none for others
        Server database = Server.createTcpServer("-tcpPort", Integer.toString(FreePort.preferring(databasePort)),
            "-baseDir", databaseDir.toString());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            database.stop();
            broker.stop();
            lock.close();
            stopped.countDown();
        }, "embedded-servers-stop"));
        broker.start();
        database.start();
        broker.awaitStarted();
        System.out.println("--spring.rabbitmq.host=127.0.0.1 --spring.rabbitmq.port=" + broker.port()
            + " --spring.rabbitmq.username=" + EmbeddedBroker.USERNAME + " --spring.rabbitmq.password=" + EmbeddedBroker.PASSWORD
            + " --spring.datasource.url='" + jdbcUrl(database.getPort()) + "' --spring.datasource.username=" + DATABASE_USER
            + " --spring.datasource.password=" + password);
        System.out.println("ready broker=" + broker.port() + " database=" + database.getPort());
        System.out.flush();
        stopped.await();
    }

    private static String password() {
        String given = System.getenv(PASSWORD_VARIABLE);
        if (given != null && !given.isBlank()) {
            return given;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Makes the database in this process, with its password, or checks the password of the one there. */
    private static void create(Path databaseDir, String password) throws SQLException {
        String url = "jdbc:h2:" + databaseDir.resolve(DATABASE.substring(0, DATABASE.indexOf(';'))) + DATABASE.substring(DATABASE.indexOf(';'));
        try (Connection connection = DriverManager.getConnection(url, DATABASE_USER, password)) {
            connection.isValid(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new SQLException("the database in " + databaseDir + " was made with another password: give it in "
                    + PASSWORD_VARIABLE + ", or use another --dir", e);
            }
            throw e;
        }
    }

    /** The options given, or null where help was asked for. */
    private static Map<String, String> parse(List<String> args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String[] pair = arg.startsWith("--") ? arg.substring(2).split("=", 2) : new String[0];
            if (pair.length == 0 || !OPTIONS.contains(pair[0])) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            if (pair.length == 1) {
                if (i + 1 == args.size()) {
                    throw new IllegalArgumentException("--" + pair[0] + " needs a value");
                }
                pair = new String[] {pair[0], args.get(++i)};
            }
            given.put(pair[0], pair[1]);
        }
        given.keySet().stream().filter(name -> name.endsWith("-port")).forEach(name -> port(given, name, 0));
        return given;
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--" + name + " takes a port (0 to 65535; 0 for a free one), not '" + text + "'");
    }
}
