package dev.troupe.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored message whose JSON body or ordering key names a user by numeric id, rewritten to name
 * it by its new UUID. Bodies that are not JSON objects with a numeric {@code user_id} (poison,
 * the seed's create_user) are left exactly as they are.
 */
record RewrittenBody(byte[] body, String orderingKey) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USER_KEY = "user-";
    private static final int BATCH = 1_000;

    static Map<Long, RewrittenBody> of(Connection connection, String table, String condition, LegacyIds ids)
        throws SQLException {
        boolean keyed = table.equals("outbox");
        Map<Long, RewrittenBody> rewritten = new LinkedHashMap<>();
        String sql = "SELECT id, body" + (keyed ? ", ordering_key" : "") + " FROM " + table + " WHERE " + condition;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(BATCH);
            ResultSet rows = query.executeQuery();
            while (rows.next()) {
                byte[] body = rows.getBytes(2);
                String key = keyed ? rows.getString(3) : null;
                byte[] newBody = rewrite(body, ids::of);
                String newKey = rewriteKey(key, ids);
                if (newBody != body || !Objects.equals(newKey, key)) {
                    rewritten.put(rows.getLong(1), new RewrittenBody(newBody, newKey));
                }
            }
        }
        return rewritten;
    }

    static void write(Connection connection, String table, Map<Long, RewrittenBody> rows) throws SQLException {
        boolean keyed = table.equals("outbox");
        String sql = "UPDATE " + table + " SET body = ?" + (keyed ? ", ordering_key = ?" : "") + " WHERE id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Map.Entry<Long, RewrittenBody> row : rows.entrySet()) {
                int index = 1;
                update.setBytes(index++, row.getValue().body());
                if (keyed) {
                    update.setString(index++, row.getValue().orderingKey());
                }
                update.setLong(index, row.getKey());
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            update.executeBatch();
        }
    }

    /**
     * The body with its numeric {@code user_id} replaced by the id {@code newId} gives for it; the
     * same array when nothing changes (not a JSON object, no numeric user_id, or no new id for it).
     */
    static byte[] rewrite(byte[] body, LongFunction<UUID> newId) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            return body;
        }
        if (!(tree instanceof ObjectNode object) || !object.path("user_id").canConvertToLong()
            || !object.path("user_id").isIntegralNumber()) {
            return body;
        }
        UUID id = newId.apply(object.get("user_id").longValue());
        if (id == null) {
            return body;
        }
        object.put("user_id", id.toString());
        return JSON.writeValueAsBytes(object);
    }

    private static String rewriteKey(String key, LegacyIds ids) {
        if (key == null || !key.startsWith(USER_KEY)) {
            return key;
        }
        try {
            return USER_KEY + ids.of(Long.parseLong(key.substring(USER_KEY.length())));
        } catch (NumberFormatException e) {
            return key;
        }
    }
}
