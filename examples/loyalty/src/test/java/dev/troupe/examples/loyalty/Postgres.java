package dev.troupe.examples.loyalty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The real PostgreSQL on 127.0.0.1:5432, user postgres (trust), where each database is one of this test's own. */
final class Postgres {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";

    private Postgres() {
    }

    /**
     * Drops and creates {@code database} through the {@code postgres} database: each run starts from empty
     * tables. Only databases of this test's own are passed here, never a shared one such as {@code test}.
     */
    static void recreate(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }

    /** One number from {@code sql}, its {@code ?} bound to {@code params} in order. */
    static long count(String database, String sql, Object... params) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + database, USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
