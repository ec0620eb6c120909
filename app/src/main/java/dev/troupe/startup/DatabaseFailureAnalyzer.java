package dev.troupe.startup;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns the database's refusal to let Troupe in (no such database, server unreachable, login
 * refused) into a message naming the database, the server and what to do. Spring Boot has no
 * analyzer for these: the cause would sit deep in a long stack trace. Other SQL failures (a broken
 * migration, say) are left to Boot.
 */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private static final String EMBEDDED = "Or remove your spring.datasource.url setting (SPRING_DATASOURCE_URL) "
        + "to run on the embedded H2 database.";
    /** H2's DATABASE_ALREADY_OPEN_1 (its SQL state is its error code). */
    private static final String H2_ALREADY_OPEN = "90020";
    private static final Pattern NAMED_DATABASE = Pattern.compile("database \"([^\"]+)\" does not exist");

    private final Environment environment;

    DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        DatabaseAddress address = DatabaseAddress.of(environment.getProperty("spring.datasource.url"));
        if (state.equals(H2_ALREADY_OPEN)) {
            return h2InUse(cause);
        }
        if (state.equals("3D000")) {
            return missingDatabase(address, cause);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return loginRefused(address, cause);
        }
        if (state.startsWith("08")) {
            return unreachable(address, cause);
        }
        return null;
    }

    private FailureAnalysis missingDatabase(DatabaseAddress address, SQLException cause) {
        String name = databaseName(address, cause);
        String options = address.clientOptions(user());
        return new FailureAnalysis(
            "The database '%s' does not exist on the PostgreSQL server at %s (spring.datasource.url)."
                .formatted(name, address.server()),
            ("Create it, e.g. with%n    createdb %s %s%nor%n    psql %s -d postgres -c 'CREATE DATABASE \"%s\"'%n"
                + "or point spring.datasource.url (SPRING_DATASOURCE_URL) at an existing database. ")
                .formatted(options, name, options, name) + EMBEDDED,
            cause);
    }

    private FailureAnalysis loginRefused(DatabaseAddress address, SQLException cause) {
        return new FailureAnalysis(
            "The database server at %s refused the login of user '%s' to database '%s': %s."
                .formatted(address.server(), user(), databaseName(address, cause), Reasons.of(cause)),
            "Correct spring.datasource.username and spring.datasource.password (SPRING_DATASOURCE_USERNAME, "
                + "SPRING_DATASOURCE_PASSWORD), or create that user on the server and allow it in pg_hba.conf. "
                + EMBEDDED,
            cause);
    }

    private FailureAnalysis unreachable(DatabaseAddress address, SQLException cause) {
        return new FailureAnalysis(
            "Troupe could not connect to the database server at %s: %s.".formatted(address.server(), Reasons.of(cause)),
            "Start the database server there, or correct the host and port in spring.datasource.url "
                + "(SPRING_DATASOURCE_URL). " + EMBEDDED,
            cause);
    }

    /**
     * Another process has the H2 file open. A second Troupe on the data folder is refused before
     * (dev.troupe.embedded.DataFolderLock); this is anything else: an H2 console, an IDE's database
     * view, a Troupe given the same file through spring.datasource.url.
     */
    private FailureAnalysis h2InUse(SQLException cause) {
        String url = String.valueOf(environment.getProperty("spring.datasource.url")).split(";", 2)[0];
        return new FailureAnalysis(
            "The H2 database %s is open in another process: %s.".formatted(url, Reasons.of(cause)),
            "Stop the process that has it open (another Troupe, an H2 console, an IDE's database tool), or "
                + "start on another data folder: --troupe.embedded.data-dir=<another folder> (TROUPE_EMBEDDED_DATA_DIR).",
            cause);
    }

    /** From the URL; from the server's own words where the URL names none (the driver then uses the user's). */
    private static String databaseName(DatabaseAddress address, SQLException cause) {
        if (!address.database().isBlank()) {
            return address.database();
        }
        Matcher named = NAMED_DATABASE.matcher(String.valueOf(cause.getMessage()));
        return named.find() ? named.group(1) : "?";
    }

    /** The user the driver logged in as: the property, else (as pgjdbc does) the operating-system user. */
    private String user() {
        return environment.getProperty("spring.datasource.username", System.getProperty("user.name", "?"));
    }
}
