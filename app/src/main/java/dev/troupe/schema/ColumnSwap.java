package dev.troupe.schema;

import dev.troupe.Plural;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Replaces a BIGINT user-id column by a UUID one holding the mapped ids, keeping its place as
 * primary key. The same statements run on H2 and PostgreSQL; only the primary key's name differs,
 * so it is looked up.
 */
final class ColumnSwap {

    private final Connection connection;

    ColumnSwap(Connection connection) {
        this.connection = connection;
    }

    void toUuid(String table, String column, boolean primaryKey) throws SQLException {
        String swapped = column + "_uuid";
        execute("ALTER TABLE " + table + " ADD COLUMN " + swapped + " UUID");
        execute("UPDATE " + table + " SET " + swapped + " = (SELECT new_id FROM user_id_upgrade WHERE old_id = "
            + table + "." + column + ")");
        long unmapped = count("SELECT COUNT(*) FROM " + table + " WHERE " + column + " IS NOT NULL AND " + swapped + " IS NULL");
        if (unmapped > 0) {
            // a row written after the ids were collected (another process still running): stop rather than lose it
            throw new SQLException(Plural.count(unmapped, "row") + " of " + table + " with a user id the upgrade did not see;"
                + " stop every Troupe process of the previous version, then start again");
        }
        if (primaryKey) {
            // quoted: the name is used as stored, whatever case H2 generated it in
            execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + primaryKeyOf(table) + "\"");
        }
        execute("ALTER TABLE " + table + " DROP COLUMN " + column);
        execute("ALTER TABLE " + table + " RENAME COLUMN " + swapped + " TO " + column);
        if (primaryKey) {
            execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
            execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_pkey PRIMARY KEY (" + column + ")");
        }
    }

    private String primaryKeyOf(String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT constraint_name FROM information_schema.table_constraints
                WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(table_name) = ?
                  AND constraint_type = 'PRIMARY KEY'""")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no primary key on " + table);
                }
                return rows.getString(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        UuidUserIds.execute(connection, sql);
    }
}
