package dev.troupe.startup;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Server and database of a JDBC URL, as far as a failure message needs them. Only PostgreSQL URLs
 * are taken apart; any other is shown without its parameters, which may hold a password.
 *
 * @param postgres whether the URL is a PostgreSQL one
 * @param host     the first (or only) host; the whole URL for other databases
 * @param port     the first host's port
 * @param server   every host:port, as written
 * @param database the database name, blank when the URL names none
 */
record DatabaseAddress(boolean postgres, String host, int port, String server, String database) {

    private static final String POSTGRES = "jdbc:postgresql:";
    private static final int POSTGRES_PORT = 5432;

    static DatabaseAddress of(String url) {
        String withoutParameters = url == null ? "" : url.split("\\?", 2)[0];
        if (!withoutParameters.startsWith(POSTGRES)) {
            return new DatabaseAddress(false, withoutParameters, 0, withoutParameters, "");
        }
        String rest = withoutParameters.substring(POSTGRES.length());
        if (!rest.startsWith("//")) {
            // jdbc:postgresql:name: the driver's default server
            return new DatabaseAddress(true, "localhost", POSTGRES_PORT, "localhost:" + POSTGRES_PORT, rest);
        }
        rest = rest.substring(2);
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        String[] servers = Arrays.stream(hosts.split(",")).map(DatabaseAddress::withPort).toArray(String[]::new);
        String first = servers[0];
        int colon = first.lastIndexOf(':');
        return new DatabaseAddress(true, first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)),
            Arrays.stream(servers).collect(Collectors.joining(",")), database);
    }

    private static String withPort(String host) {
        boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
        return hasPort ? host : (host.isEmpty() ? "localhost" : host) + ":" + POSTGRES_PORT;
    }

    /** The psql/createdb options that reach this server, the port only where it is not the default. */
    String clientOptions(String user) {
        return "-h " + host + (port == POSTGRES_PORT ? "" : " -p " + port) + " -U " + user;
    }
}
